/** The fields of the `platform` package Taro's web APIs read (the proxy forwards any). */
declare const platform: {
  readonly manufacturer?: string | null;
  readonly product?: string | null;
  readonly os?: { readonly family?: string | null; toString(): string } | null;
  readonly [field: string]: unknown;
};
export default platform;
