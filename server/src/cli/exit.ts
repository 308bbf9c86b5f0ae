// Exit status of every command: 0 clean, 1 findings at error severity (or more warnings than
// --max-warnings), 2 usage or input errors. One module below all commands, so that no command
// imports another for its constants.

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_FATAL = 2;
