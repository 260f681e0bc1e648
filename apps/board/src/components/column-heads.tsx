/** A column's header: its label, and whether it holds figures (right-aligned, like its cells). */
export type Column = string | { label: string; numeric: true };

/** The header row of a data table, each cell a column header for screen readers. */
export function ColumnHeads({ columns }: { columns: (Column | false)[] }) {
  return (
    <thead>
      <tr>
        {columns
          .filter((column): column is Column => column !== false)
          .map((column) =>
            typeof column === 'string' ? (
              <th scope="col" key={column}>
                {column}
              </th>
            ) : (
              <th scope="col" key={column.label} className="number">
                {column.label}
              </th>
            ),
          )}
      </tr>
    </thead>
  );
}

/** A column of figures. */
export function numeric(label: string): Column {
  return { label, numeric: true };
}
