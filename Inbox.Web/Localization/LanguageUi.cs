namespace Inbox.Web.Localization;

/// <summary>
/// The UI's strings about customers' languages (the contact's language, the automation texts per language):
/// <c>IStringLocalizer&lt;LanguageUi&gt;</c> over <c>LanguageUi.{culture}.resx</c>, English as the key and fallback, as <see cref="Ui"/>.
/// </summary>
public sealed class LanguageUi;
