// The shape every message catalog has: a function per key from its
// parameters to words. The English catalog declares the keys and parameter
// types; the Dutch one must have the same keys with the same parameters
// (the compiler checks the types, tests/i18n/catalogs.test.ts the names used).

/** Text parameters named K. */
export type S<K extends string> = { readonly [k in K]: string };
/** Number parameters named K (counts, for plurals). */
export type N<K extends string> = { readonly [k in K]: number };
/** Yes/no parameters named K. */
export type B<K extends string> = { readonly [k in K]: boolean };
/** Optional text parameters named K. */
export type O<K extends string> = { readonly [k in K]?: string };
/** List parameters named K. */
export type L<K extends string> = { readonly [k in K]: readonly string[] };

/** What a message function takes: nothing, or one object of named parameters. */
export type Message = (() => string) | ((p: never) => string);

/** The parameters of each key of catalog C: `{}` for a key without parameters. */
export type ParamsOf<C> = { [K in keyof C]: C[K] extends () => string ? {} : C[K] extends (p: infer A) => string ? A : never };

/** A catalog with exactly the keys and parameter types of C. */
export type CatalogLike<C> = { readonly [K in keyof C]: C[K] };
