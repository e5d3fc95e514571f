/**
 * Watches a set of files for edits, debounced. Editors save by writing a temporary file and
 * renaming it over the original (the original's inode, and a watch on it, is gone), so this
 * watches the files' directories and filters events by file name. The set can be replaced
 * while watching (a Katalog edit may name other crFiles).
 */
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

/** A running watch. */
export interface FileWatch {
  /** Replaces the watched files (absolute or relative to the working directory). */
  setFiles(files: readonly string[]): void;
  close(): void;
}

/** Default quiet period after the last event before `onChange` runs. */
export const DEBOUNCE_MS = 300;

/** Calls `onChange` once the watched files have been quiet for `debounceMs` after an event. */
export function watchFiles(files: readonly string[], onChange: () => void, debounceMs = DEBOUNCE_MS): FileWatch {
  const watchers = new Map<string, FSWatcher>();
  let wanted = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const fire = (dir: string, name: string | Buffer | null): void => {
    // Without a name (some platforms) any event in the directory counts.
    if (name !== null && !wanted.has(path.join(dir, name.toString()))) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (!closed) onChange();
    }, debounceMs);
  };

  const setFiles = (list: readonly string[]): void => {
    wanted = new Set(list.map((f) => path.resolve(f)));
    const dirs = new Set([...wanted].map((f) => path.dirname(f)));
    for (const [dir, w] of watchers) {
      if (dirs.has(dir)) continue;
      w.close();
      watchers.delete(dir);
    }
    for (const dir of dirs) {
      if (watchers.has(dir)) continue;
      try {
        const w = watch(dir, { persistent: true }, (_event, name) => fire(dir, name));
        w.on('error', () => watchers.delete(dir)); // the directory went away: nothing left to watch there
        watchers.set(dir, w);
      } catch {
        // A missing directory: its files are reported as missing by the next validation.
      }
    }
  };

  setFiles(files);
  return {
    setFiles,
    close: () => {
      closed = true;
      if (timer) clearTimeout(timer);
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}
