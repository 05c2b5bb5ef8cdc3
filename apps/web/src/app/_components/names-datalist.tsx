/** The known names, offered as autocomplete by any input with `list={id}`. */
export function NamesDatalist({ id, names }: { id: string; names: { personId: number; name: string }[] }) {
  return (
    <datalist id={id}>
      {names.map((n) => (
        <option key={n.personId} value={n.name} />
      ))}
    </datalist>
  );
}

/** Finds the person a typed name means (case-insensitive), if any. */
export function findByName<T extends { name: string }>(names: T[], typed: string): T | undefined {
  const wanted = typed.trim().toLowerCase();
  return names.find((n) => n.name.toLowerCase() === wanted);
}
