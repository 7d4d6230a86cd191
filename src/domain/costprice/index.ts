// Cost price (issue 7, source S2): public surface of the pure cost-price model.
export * from "./types.js";
export { buildUp, occupancyEffect, COMPONENTS } from "./buildup.js";
export type { BuildUp, Component, ComponentKey, OccupancyEffect, PerUnit, SubsidyLine, WageLine } from "./buildup.js";
export { breakEven } from "./break-even.js";
export type { BreakEven } from "./break-even.js";
export { cappedSubsidy, indexFactor, subsidyOn, yearlyNetStaffCost, yearlyStaffCostParts } from "./wages.js";
export type { OccupancyMode } from "./wages.js";
export { monthlyNetStaffCost, monthlyStaffCostParts, plannedStaffCost } from "./staff-cost.js";
