export interface GeneratedFile {
  /** Path relative to the repository root. */
  path: string;
  content: string;
}

export interface Generator {
  name: string;
  outputs(root: string): Promise<GeneratedFile[]>;
}
