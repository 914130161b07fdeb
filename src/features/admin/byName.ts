/** People and teams in the order a reader looks for them: by name, in the language's collation. */
export function byName<T extends { displayName: string } | { name: string }>(items: T[]): T[] {
  const name = (item: T) => ('displayName' in item ? item.displayName : item.name);
  return [...items].sort((a, b) => name(a).localeCompare(name(b)));
}
