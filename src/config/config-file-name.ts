/** The config file read from the working directory when `--config` names none. */
export const CONFIG_FILE_NAME = "reelpress.config.json";
