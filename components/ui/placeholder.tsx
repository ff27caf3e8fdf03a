export function Placeholder({ children }: { children: React.ReactNode }) {
  return <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-sm text-slate-600">{children}</div>;
}
