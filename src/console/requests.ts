/** How the console names the two kinds of employees' requests (the dialog's own words). */
export const KIND_LABELS = { 'false-positive': "This isn't sensitive", exception: 'Exception' } as const;
