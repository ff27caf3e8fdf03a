import Link from 'next/link';
import { getGettingStarted } from '@/lib/start/get-getting-started';

/** The first hour's checklist; it disappears once every step is done. */
export async function GettingStarted() {
  const steps = await getGettingStarted();
  if (steps.every((s) => s.done)) return null;
  return (
    <section aria-labelledby="start-getting-started" className="rounded-lg border border-brand-600/30 bg-blue-50 p-4">
      <h2 id="start-getting-started" className="mb-1 text-base font-semibold">
        Getting started
      </h2>
      <p className="mb-3 text-sm text-slate-600">
        The steps the Matrix42 guides take, in order. Each is ticked once it is done.
      </p>
      <ol className="space-y-2">
        {steps.map((step, index) => (
          <li
            key={step.key}
            className="flex items-start gap-3"
            aria-label={`${step.title}: ${step.done ? 'done' : 'to do'}`}
          >
            <span
              aria-hidden="true"
              className={`mt-0.5 inline-flex size-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold ${step.done ? 'bg-green-600 text-white' : 'border border-slate-400 bg-white text-slate-700'}`}
            >
              {step.done ? '✓' : index + 1}
            </span>
            <span>
              <Link
                href={step.href}
                className={`font-medium underline ${step.done ? 'text-slate-500' : 'text-brand-700'}`}
              >
                {step.title}
              </Link>
              {step.done ? <span className="ml-2 text-xs text-green-800">Done</span> : null}
              <span className="block text-sm text-slate-600">{step.description}</span>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
