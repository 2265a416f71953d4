import { CommandRecognisers } from '../../src/commands';

describe('commands that work at any point', () => {
  const commands = new CommandRecognisers();

  it.each([
    ['help', 'help'],
    ['Help!!', 'help'],
    ['pls help', 'help'],
    ['?', 'help'],
    ['What can you do?', 'help'],
    ['stop', 'stop'],
    ['PAUSE', 'stop'],
    ['talk to a person', 'talkToPerson'],
    ['Can I talk to a real person please?', 'talkToPerson'],
    ['human', 'talkToPerson'],
    ['delete my data', 'deleteMyData'],
    ['please delete everything', 'deleteMyData'],
    ['What do you know about me?', 'exportMyData'],
    ['what do you know about me', 'exportMyData'],
  ])('recognises "%s" as %s', (text, command) => {
    expect(commands.recognise(text, 'en')).toBe(command);
  });

  it.each([
    'I need help with my sleep',
    'I want to stop feeling so tired',
    'my goal is to talk to a person at school',
    'delete',
    'data',
    '',
    '6',
    'yes',
  ])('does not take "%s" for a command', (text) => {
    expect(commands.recognise(text, 'en')).toBeUndefined();
  });

  it('falls back to English phrases for other languages', () => {
    expect(commands.recognise('help', 'tr')).toBe('help');
  });
});
