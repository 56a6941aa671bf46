import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layering of docs/ARCHITECTURE.md is enforced by eslint.config.js; prove the rules bite.
const eslint = new ESLint();
const restricted = async (filePath: string, code: string) => {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
};

describe('import rules', () => {
  it('stop a content script from importing the database', async () => {
    expect(
      await restricted('entrypoints/content.ts', "import { BackstoryDatabase } from '@/lib/db/database';\n"),
    ).toEqual([expect.stringMatching(/Only the background may use the database/)]);
  });

  it('stop the side panel and components from importing the database', async () => {
    expect(await restricted('entrypoints/sidepanel/X.tsx', "import '../../lib/db/import';\n")).toHaveLength(
      1,
    );
    expect(await restricted('components/X.tsx', "import '@/lib/background/handlers';\n")).toHaveLength(1);
  });

  it('keep components free of messaging and browser APIs, and lib free of components', async () => {
    expect(
      await restricted('components/X.tsx', "import { createRequester } from '@/lib/protocol/client';\n"),
    ).toHaveLength(1);
    expect(await restricted('components/X.tsx', "import { browser } from 'wxt/browser';\n")).toHaveLength(1);
    expect(
      await restricted('lib/pack/x.ts', "import { AnalysisCard } from '@/components/AnalysisCard';\n"),
    ).toHaveLength(1);
    expect(await restricted('lib/model/x.ts', "import { parsePack } from '../pack/pack';\n")).toHaveLength(1);
  });

  it('let the background use the database', async () => {
    expect(
      await restricted(
        'entrypoints/background.ts',
        "import { BackstoryDatabase } from '@/lib/db/database';\n",
      ),
    ).toEqual([]);
  });
});
