/** The values a form sends, read from the DOM in the content script's world (the page's prototypes cannot lie here). */
export function formValues(form: HTMLFormElement): { values: string[]; files: File[] } {
  const values: string[] = [];
  const files: File[] = [];
  // form.elements includes fields outside the form that name it (<textarea form="id">) and hidden inputs.
  for (const el of Array.from(form.elements)) {
    if (el instanceof HTMLInputElement) {
      if (el.disabled || ['submit', 'button', 'reset', 'image'].includes(el.type)) continue;
      if ((el.type === 'checkbox' || el.type === 'radio') && !el.checked) continue;
      if (el.type === 'file') files.push(...Array.from(el.files ?? []));
      else values.push(el.value);
    } else if (el instanceof HTMLTextAreaElement && !el.disabled) values.push(el.value);
    else if (el instanceof HTMLSelectElement && !el.disabled) for (const o of Array.from(el.selectedOptions)) values.push(o.value || o.text);
  }
  return { values, files };
}
