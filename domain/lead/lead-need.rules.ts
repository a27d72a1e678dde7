/** An inquiry's area range reads "from … to …": when both ends are given, the first is not larger. */
export const isAreaRangeOrdered = (areaMin: number | undefined, areaMax: number | undefined): boolean =>
  areaMin === undefined || areaMax === undefined || areaMin <= areaMax;
