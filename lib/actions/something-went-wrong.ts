/** The answer to a thrown failure, in every action's words: the id finds the log line with what happened. */
export function somethingWentWrong(correlationId: string): string {
  return `Something went wrong (id ${correlationId}). Nothing was changed.`;
}
