/** A moment strictly after every file or group made so far, and strictly before the next one: a list's `since`. */
export async function momentBetweenUploads(): Promise<Date> {
  await new Promise((resolve) => setTimeout(resolve, 5));
  const date = new Date();
  await new Promise((resolve) => setTimeout(resolve, 5));
  return date;
}
