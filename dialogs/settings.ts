// What a service configures that the dialogs need to say.
export interface DialogSettings {
  serviceName: string;
}
