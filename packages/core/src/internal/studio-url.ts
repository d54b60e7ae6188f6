/** Studio URL derivation from a job ARM id (§2.5). */

const JOB_ID_RE =
  /^\/subscriptions\/([\w,-]+)\/resourceGroups\/([\w,-]+)\/providers\/Microsoft\.MachineLearningServices\/workspaces\/([\w,-]+)\/jobs\/([\w,-]+)/;

/** `https://ml.azure.com/runs/{name}?wsid=/subscriptions/{s}/resourcegroups/{rg}/workspaces/{ws}`, or undefined. */
export function studioUrlFromId(id: string): string | undefined {
  const m = JOB_ID_RE.exec(id);
  if (m === null) return undefined;
  const [, sub, rg, ws, run] = m;
  return `https://ml.azure.com/runs/${run!}?wsid=/subscriptions/${sub!}/resourcegroups/${rg!}/workspaces/${ws!}`;
}
