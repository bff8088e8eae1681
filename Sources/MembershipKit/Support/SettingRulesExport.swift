// The setting rules are the SDK's readers' rules: whoever imports the SDK has them.
@_exported import SettingRules
