// The commands that work at any point in the conversation. Which words name them (alone or inside a sentence) is in
// locales/<lng>/understanding.json; what each does is in dialogs/commandHandlers.ts, one handler per command.
export const COMMANDS = [
  'help',
  'stop',
  'carryOn',
  'startOver',
  'talkToPerson',
  'deleteMyData',
  'exportMyData',
  'safetyPlan',
  'withdrawShare',
  'changeLanguage',
] as const;
export type Command = (typeof COMMANDS)[number];
