import { isLeadbridgeError, type Program } from '@leadbridge/sdk';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { lb } from '../../api/client';
import { queries } from '../../api/queries';
import { useToast } from '../../ui/Toast';

export type ProgramChanges = Omit<Parameters<typeof lb.programs.update>[1], 'version'>;

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * One settings tab's draft of a program. Saves send the version the draft started from, so a
 * save never silently overwrites someone else's newer settings (409 → `conflict`); `reload`
 * then adopts their version. While the draft is untouched it follows the program as it changes.
 */
export function useProgramDraft<T>(program: Program, fromProgram: (program: Program) => T) {
  const client = useQueryClient();
  const toast = useToast();
  const [base, setBase] = useState(program);
  const [draft, setDraft] = useState<T>(() => fromProgram(program));
  const dirty = !same(draft, fromProgram(base));

  // biome-ignore lint/correctness/useExhaustiveDependencies: follow the program only when it changes.
  useEffect(() => {
    if (!dirty && program.version !== base.version) {
      setBase(program);
      setDraft(fromProgram(program));
    }
  }, [program]);

  const save = useMutation({
    mutationFn: (changes: ProgramChanges) =>
      lb.programs.update(program.id, { version: base.version, ...changes }),
    onSuccess: (saved) => {
      client.setQueryData(queries.program.key(saved.id), saved);
      // Patch the cached list only when it holds this program: writing a list that lacks it
      // (fetched before the program existed) would mark that stale list fresh.
      const list = client.getQueryData(queries.programs.key());
      if (list?.some((p) => p.id === saved.id)) {
        client.setQueryData(
          queries.programs.key(),
          list.map((p) => (p.id === saved.id ? saved : p)),
        );
      } else {
        void client.invalidateQueries({ queryKey: queries.programs.key() });
      }
      setBase(saved);
      setDraft(fromProgram(saved));
      toast.show('Settings saved');
    },
  });
  const conflict = isLeadbridgeError(save.error) && save.error.code === 'version_conflict';
  const reload = async () => {
    const latest = await lb.programs.get(program.id);
    client.setQueryData(queries.program.key(latest.id), latest);
    save.reset();
    setBase(latest);
    setDraft(fromProgram(latest));
  };
  const discard = () => {
    save.reset();
    setDraft(fromProgram(base));
  };
  return { draft, setDraft, dirty, save, conflict, reload, discard, base };
}

export type ProgramDraft = ReturnType<typeof useProgramDraft>;
