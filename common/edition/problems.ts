// Problems found in an edition file. Editors fix files by hand, so every problem names the file and
// line in the `file:line: message` shape that editors and terminals already know how to jump to.

export interface EditionProblem {
  file: string;
  /** 1-based; 0 when the problem concerns the whole file. */
  line: number;
  message: string;
}

export function formatProblem(p: EditionProblem): string {
  return `${p.file}:${p.line}: ${p.message}`;
}

/** Collects problems and hands them back in file order, so a long list reads top to bottom. */
export class ProblemList {
  private readonly items: EditionProblem[] = [];

  constructor(private readonly file: string) {}

  add(line: number, message: string): void {
    this.items.push({ file: this.file, line, message });
  }

  get count(): number {
    return this.items.length;
  }

  sorted(): EditionProblem[] {
    // Array.prototype.sort is stable, so problems on one line keep the order they were found in.
    return [...this.items].sort((a, b) => a.line - b.line);
  }
}
