export type Column = string | { label: string; hidden?: boolean } | React.ReactElement;

function header(column: Column, index: number) {
  if (typeof column === 'string') {
    return (
      <th key={column} scope="col" className="px-3 py-2">
        {column}
      </th>
    );
  }
  if ('label' in column && typeof column.label === 'string') {
    return (
      <th key={column.label} scope="col" className="px-3 py-2">
        {column.hidden ? <span className="sr-only">{column.label}</span> : column.label}
      </th>
    );
  }
  return (
    <th key={index} scope="col" className="px-3 py-2">
      {column as React.ReactElement}
    </th>
  );
}

/** The console's list table: scrolls sideways on a phone instead of widening the page. `children` are the rows. */
export function DataTable({
  columns,
  children,
  className,
}: {
  columns: Column[];
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <div className={`overflow-x-auto rounded-lg border border-slate-200 bg-white ${className ?? ''}`}>
      <table className="min-w-full text-left text-sm">
        <thead className="bg-slate-100 text-xs uppercase text-slate-600">
          <tr>{columns.map(header)}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
