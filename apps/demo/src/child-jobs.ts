/** The step a child job of a pipeline runs, by its `azureml.nodeid` property or display name. */
export function stepOfChild(
  child: Readonly<Record<string, unknown>>,
  steps: readonly string[],
): string | undefined {
  const props = child.properties as Record<string, unknown> | undefined;
  const inner = (props?.properties ?? {}) as Record<string, unknown>;
  for (const candidate of [inner['azureml.nodeid'], props?.displayName, child.name]) {
    if (typeof candidate === 'string' && steps.includes(candidate)) return candidate;
  }
  const name = typeof child.name === 'string' ? child.name : '';
  return steps.find((step) => name.endsWith(`_${step}`));
}
