export async function seedDemo(..._a: unknown[]): Promise<void> {}
