import { describe, expect, it } from 'vitest';
import { layoutPageText, type PositionedText } from './pdf-layout.js';

const SIZE = 10;

/** A run of CJK text at (x, y), each character one em wide. */
function run(text: string, x: number, y: number, size = SIZE): PositionedText {
  return { text, x, y, width: [...text].length * size, size };
}

/** Lines of a column starting at `top`, one line pitch (14) apart. */
function column(lines: string[], x: number, top: number): PositionedText[] {
  return lines.map((line, i) => run(line, x, top - i * 14));
}

const LEFT = ['左栏第一行文字内容', '左栏第二行文字内容', '左栏第三行文字内容', '左栏第四行'];
const RIGHT = ['右栏第一行文字内容', '右栏第二行文字内容', '右栏第三行文字内容', '右栏第四行'];

describe('layoutPageText', () => {
  it('keeps the lines of a single column in order with their breaks', () => {
    expect(layoutPageText(column(['第一行', '第二行', '第三行'], 50, 700))).toBe('第一行\n第二行\n第三行');
  });

  it('reads the left column top to bottom before the right one', () => {
    const runs = [...column(LEFT, 50, 700), ...column(RIGHT, 200, 700)];
    expect(layoutPageText(runs)).toBe(`${LEFT.join('\n')}\n\n${RIGHT.join('\n')}`);
  });

  it('reads columns apart whatever order the runs come in', () => {
    const runs = [...column(RIGHT, 200, 700), ...column(LEFT, 50, 700)].reverse();
    expect(layoutPageText(runs)).toBe(`${LEFT.join('\n')}\n\n${RIGHT.join('\n')}`);
  });

  it('reads three columns left to right', () => {
    const middle = ['中栏第一行文字内容', '中栏第二行文字内容', '中栏第三行文字内容'];
    const runs = [...column(LEFT, 50, 700), ...column(middle, 200, 700), ...column(RIGHT, 350, 700)];
    expect(layoutPageText(runs).split('\n\n')).toEqual([
      LEFT.join('\n'),
      middle.join('\n'),
      RIGHT.join('\n'),
    ]);
  });

  it('keeps columns apart when their baselines do not line up', () => {
    const runs = [...column(LEFT, 50, 700), ...column(RIGHT, 200, 707)];
    expect(layoutPageText(runs)).toBe(`${LEFT.join('\n')}\n\n${RIGHT.join('\n')}`);
  });

  it('puts a headline that spans the columns before them, and a footer after them', () => {
    const headline = run('横跨两栏的大标题横跨两栏的大标题横跨两栏', 50, 730, 12);
    const footer = run('本版责任编辑横跨两栏的页脚文字内容说明', 60, 600);
    const runs = [...column(LEFT, 50, 700), ...column(RIGHT, 200, 700), headline, footer];
    expect(layoutPageText(runs).split('\n\n')).toEqual([
      headline.text,
      LEFT.join('\n'),
      RIGHT.join('\n'),
      footer.text,
    ]);
  });

  it('finds the columns above full-width prose on the same page', () => {
    const prose = [
      '这是一段横贯全页的正文，',
      '它的每一行都比任何一栏都宽，',
      '而且行数比上面的两栏还多，',
      '共有五行，',
      '到此为止。',
    ].map((line, i) => run(line.padEnd(30, '文'), 50, 620 - i * 14));
    const runs = [...column(LEFT, 50, 700), ...column(RIGHT, 200, 700), ...prose];
    expect(layoutPageText(runs).split('\n\n')).toEqual([
      LEFT.join('\n'),
      RIGHT.join('\n'),
      prose.map((p) => p.text).join('\n'),
    ]);
  });

  it('leaves a blank line where the text jumps down to a new block', () => {
    const runs = [...column(['第一段第一行', '第一段第二行'], 50, 700), ...column(['第二块第一行'], 50, 640)];
    expect(layoutPageText(runs)).toBe('第一段第一行\n第一段第二行\n\n第二块第一行');
  });

  it('joins the runs of one line, with a space only between separated Latin words', () => {
    const runs = [
      run('中国', 50, 700),
      run('科学院', 70, 700),
      { text: 'metal', x: 110, y: 700, width: 25, size: SIZE },
      { text: 'printing', x: 138, y: 700, width: 40, size: SIZE },
    ];
    expect(layoutPageText(runs)).toBe('中国科学院 metal printing');
  });

  it('ignores whitespace-only runs and returns nothing for a page without text', () => {
    expect(layoutPageText([run(' ', 50, 700), run('', 60, 700)])).toBe('');
    expect(layoutPageText([])).toBe('');
  });

  it('does not split a single column at the ragged end of a short line', () => {
    const lines = ['这是一段正文的第一行内容', '第二行', '这是一段正文的第三行内容', '第四行稍短'];
    expect(layoutPageText(column(lines, 50, 700))).toBe(lines.join('\n'));
  });
});
