import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { describe, expect, it } from 'vitest';
import { readDocx } from './docx.reader.js';

async function docx(children: (Paragraph | Table)[], title?: string): Promise<Uint8Array> {
  const document = new Document({ ...(title ? { title } : {}), sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(document));
}

describe('readDocx', () => {
  it('reads paragraphs as lines and the title from the core properties', async () => {
    const bytes = await docx(
      [
        new Paragraph({ text: '第一段：双方签署协议。' }),
        new Paragraph({ text: '第二段：总投资超10亿元。' }),
      ],
      '合作协议 & 附件',
    );
    expect(await readDocx(bytes, 'a.docx')).toEqual({
      text: '第一段：双方签署协议。\n第二段：总投资超10亿元。',
      encoding: 'utf-8',
      title: '合作协议 & 附件',
    });
  });

  it('keeps an empty paragraph as one blank line and omits a missing title', async () => {
    const bytes = await docx([
      new Paragraph({ text: '标题' }),
      new Paragraph({}),
      new Paragraph({ text: '正文' }),
    ]);
    const result = await readDocx(bytes, 'a.docx');
    expect(result.text).toBe('标题\n\n正文');
    expect(result.title).toBeUndefined();
  });

  it('reads the text of table cells', async () => {
    const cell = (text: string) => new TableCell({ children: [new Paragraph({ text })] });
    const bytes = await docx([
      new Table({ rows: [new TableRow({ children: [cell('项目'), cell('投资额')] })] }),
    ]);
    expect((await readDocx(bytes, 'a.docx')).text.split('\n')).toEqual(['项目', '投资额']);
  });

  it('refuses a Word document without text as empty', async () => {
    await expect(readDocx(await docx([new Paragraph({})]), 'a.docx')).rejects.toMatchObject({
      code: 'FILE_EMPTY',
    });
  });
});
