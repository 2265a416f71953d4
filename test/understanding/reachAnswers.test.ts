// Reading "How would you like your service to reach you?": a phone number or e-mail address anywhere in the reply,
// read loosely, and the ways that need none, in the words young people type.
import { contactDetailsIn } from '../../src/understanding/contactDetails';
import { Expectation, understand } from '../../src/understanding/understand';

describe('contactDetailsIn', () => {
  it.each([
    ['07700 900123', { kind: 'phone', value: '07700 900123' }],
    ['my number is 07700900123 thx', { kind: 'phone', value: '07700900123' }],
    ['+44 (0)7700 900-123', { kind: 'phone', value: '+44 (0)7700 900-123' }],
    ['ring 0161 496 0000 after 4', { kind: 'phone', value: '0161 496 0000' }],
    ['my email is sam@example.com', { kind: 'email', value: 'sam@example.com' }],
    ['Sam.T-99@school.example.co.uk.', { kind: 'email', value: 'Sam.T-99@school.example.co.uk' }],
    ['email sam@example.com or 07700 900123', { kind: 'email', value: 'sam@example.com' }],
  ])('finds it in "%s"', (text, expected) => {
    expect(contactDetailsIn(text)).toEqual(expected);
  });

  it.each([
    '0770',
    'im 15 and in year 10',
    'sam at gmail',
    'sam@example',
    '12/03/2026',
    '123 456 789 012 345 678 901 234',
    'no thanks',
  ])('finds none in "%s"', (text) => {
    expect(contactDetailsIn(text)).toBeUndefined();
  });
});

const REACH: Expectation = {
  kind: 'choice',
  prompt: 'reach',
  titles: {
    give: "I'll type a number or email",
    referrer: 'Through the person who referred me',
    theyWillContact: "I'll contact them myself",
    skip: 'Skip',
  },
  consentCritical: false,
  contactDetails: true,
};

describe('understand, at how the service may reach them', () => {
  it.each([
    ['07700 900123', 'phone'],
    ['call me instead on 07700 900123', 'phone'],
    ['my email is sam@example.com', 'email'],
    ['thru my teacher who sent me here', 'referrer'],
    ['through my social worker', 'referrer'],
    ['via my gp', 'referrer'],
    ['ill ring them', 'theyWillContact'],
    ["i'll talk to them myself", 'theyWillContact'],
    ['nah ill ring them myself', 'theyWillContact'],
    ['nah', 'skip'],
    ['idk', 'skip'],
    ['no thanks', 'skip'],
    ['dont text me', 'skip'],
    ['i dont want to give my number', 'skip'],
    ['they already have my number', 'skip'],
    ['can u just text me', 'give'],
    ['no just text me', 'give'],
    ['call me instead', 'give'],
    ['im at school so text me after 4', 'give'],
  ])('"%s" is %s', (text, value) => {
    expect(understand(text, REACH, 'en')).toEqual({ kind: 'answer', value });
  });

  it.each([
    ['who sees this?', { kind: 'question', about: 'whoSees' }],
    ['can my mum see it', { kind: 'question', about: 'whoSees' }],
    ['why do you need it', { kind: 'question', about: 'why' }],
    ['yeah', { kind: 'unclear' }],
    ['i feel awful', { kind: 'feeling' }],
    ['talk to a person', { kind: 'command', command: 'talkToPerson' }],
  ])('"%s" is no answer: %o', (text, expected) => {
    expect(understand(text, REACH, 'en')).toEqual(expected);
  });

  it('reads a number as an answer only where the question asks for one', () => {
    expect(understand('07700 900123', { ...REACH, contactDetails: false }, 'en')).toEqual({ kind: 'unclear' });
  });
});
