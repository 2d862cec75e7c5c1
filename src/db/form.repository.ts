import type { Db } from "./client.js";

export interface StoredForm {
  form: string;
  step: string;
  data: Record<string, unknown>;
}

export function createFormRepository(db: Db) {
  return {
    async get(userId: bigint): Promise<StoredForm | null> {
      const row = await db.formState.findUnique({ where: { userId } });
      return row ? { form: row.form, step: row.step, data: JSON.parse(row.data) as Record<string, unknown> } : null;
    },
    async save(userId: bigint, state: StoredForm): Promise<void> {
      const data = JSON.stringify(state.data);
      await db.formState.upsert({
        where: { userId },
        create: { userId, form: state.form, step: state.step, data },
        update: { form: state.form, step: state.step, data },
      });
    },
    async clear(userId: bigint): Promise<void> {
      await db.formState.deleteMany({ where: { userId } });
    },
  };
}

export type FormRepository = ReturnType<typeof createFormRepository>;
