/** «20 分», «−5 分»: a score as the board writes it (a true minus sign, read aloud as minus). */
export const points = (n: number): string => `${n > 0 ? '' : n < 0 ? '−' : ''}${Math.abs(n)} 分`;
