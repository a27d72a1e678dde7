/**
 * `setData` keys are paths: `root.cn.[0].v`, `list[2].name`, `a.b`. WeChat applies each to the page data,
 * creating objects and arrays on the way as needed.
 */
export const parseDataPath = (path: string): Array<string | number> => {
  const parts: Array<string | number> = [];
  const re = /\[(\d+)\]|([^.[\]]+)/g;
  for (const m of path.matchAll(re)) parts.push(m[1] !== undefined ? Number(m[1]) : m[2]);
  if (!parts.length) throw new Error(`setData: empty data path ${JSON.stringify(path)}`);
  return parts;
};

type Container = Record<string | number, unknown>;

export const applyDataPath = (target: Container, path: string, value: unknown): void => {
  const parts = parseDataPath(path);
  let node: Container = target;
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i];
    const next = node[part];
    if (typeof next !== 'object' || next === null) node[part] = typeof parts[i + 1] === 'number' ? [] : {};
    node = node[part] as Container;
  }
  node[parts[parts.length - 1]] = value;
};
