import { describe, expect, it } from 'vitest';
import { isDay, statusChange, transitionProblem } from './lifecycle.js';

describe('the project lifecycle', () => {
  it('lets a project move one step along: signed, landed, under construction, in production', () => {
    expect(statusChange('signed', 'landed', '2021-03-01')).toEqual({ status: 'landed', on: '2021-03-01' });
    expect(transitionProblem('landed', 'under_construction')).toBeUndefined();
    expect(transitionProblem('under_construction', 'in_production')).toBeUndefined();
  });

  it('lets a project be withdrawn from any status but never come back', () => {
    expect(transitionProblem('signed', 'withdrawn')).toBeUndefined();
    expect(transitionProblem('in_production', 'withdrawn')).toBeUndefined();
    expect(() => statusChange('withdrawn', 'landed', '2021-03-01', '重新签约')).toThrow(/已退出/);
  });

  it('refuses production before landing unless a reason is given, and keeps the reason', () => {
    expect(() => statusChange('signed', 'in_production', '2021-03-01')).toThrow(
      /不能从“已签约”直接变为“已投产”，中间还有“已落地”、“在建”.*请填写理由/,
    );
    expect(statusChange('signed', 'in_production', '2021-03-01', ' 企业已在区外建成投产 ')).toEqual({
      status: 'in_production',
      on: '2021-03-01',
      override: '企业已在区外建成投产',
    });
  });

  it('refuses a move back without a reason', () => {
    expect(() => statusChange('in_production', 'landed', '2021-03-01')).toThrow(/退回/);
    expect(statusChange('in_production', 'landed', '2021-03-01', '停产改造').override).toBe('停产改造');
  });

  it('refuses a day that is not on the calendar', () => {
    expect(isDay('2021-02-29')).toBe(false);
    expect(isDay('2020-02-29')).toBe(true);
    expect(() => statusChange('signed', 'landed', '2021/03/01')).toThrow(/YYYY-MM-DD/);
  });
});
