// A reply of any length is read by its first UNDERSTANDING_READ_LIMIT characters to tell what it is: a long note is
// still a note (the caller keeps it whole), a long rating still its number, and a command at its start still counts.
import { understand, UNDERSTANDING_READ_LIMIT } from '../../src/understanding/understand';

const LONG_TAIL = ' and then we went to the park and had chips by the river'.repeat(200);

describe('long replies', () => {
  it('are far longer than the limit in these tests', () => {
    expect(LONG_TAIL.length).toBeGreaterThan(UNDERSTANDING_READ_LIMIT * 5);
  });

  it('a long note is the note', () => {
    expect(understand(`please call my mum not my dad${LONG_TAIL}`, { kind: 'text', nothingMeans: 'no' }, 'en')).toEqual(
      {
        kind: 'answer',
        value: 'text',
      },
    );
  });

  it('a long answer to the check-in starting with its number is that number', () => {
    expect(understand(`prob a 6${LONG_TAIL}`, { kind: 'scale' }, 'en')).toEqual({ kind: 'answer', value: 6 });
  });

  it('a long message starting "can we stop" is the command', () => {
    expect(understand(`can we stop${LONG_TAIL}`, { kind: 'scale' }, 'en')).toEqual({
      kind: 'command',
      command: 'stop',
    });
  });
});
