import type { FormRepository } from "../core/ports/form.port.js";
import type { Db } from "./client.js";

export function createFormRepository(db: Db): FormRepository {
  return {
    async get(userId) {
      const row = await db.formState.findUnique({ where: { userId } });
      return row ? { form: row.form, step: row.step, data: JSON.parse(row.data) as Record<string, unknown> } : null;
    },
    async save(userId, state) {
      const data = JSON.stringify(state.data);
      await db.formState.upsert({
        where: { userId },
        create: { userId, form: state.form, step: state.step, data },
        update: { form: state.form, step: state.step, data },
      });
    },
    async clear(userId) {
      await db.formState.deleteMany({ where: { userId } });
    },
  };
}
