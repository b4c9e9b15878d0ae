using System.ComponentModel.DataAnnotations;

namespace Inbox.Core.Identity;

/// <summary>The API keys machine clients may use, from <c>Inbox:ApiKeys</c>.</summary>
public sealed class ApiKeyOptions : IValidatableObject
{
    public const string Section = "Inbox";

    public List<ApiKey> ApiKeys { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var key in ApiKeys)
        {
            if (string.IsNullOrWhiteSpace(key.Name))
            {
                yield return new ValidationResult("Every Inbox:ApiKeys entry needs a Name.");
            }

            if (key.Key.Length < 16)
            {
                yield return new ValidationResult($"API key '{key.Name}' is shorter than 16 characters; use a long random value.");
            }

            if (!Roles.All.Contains(key.Role))
            {
                yield return new ValidationResult($"API key '{key.Name}' has role '{key.Role}'; use one of {string.Join(", ", Roles.All)}.");
            }
        }

        if (ApiKeys.Select(k => k.Key).Distinct().Count() != ApiKeys.Count)
        {
            yield return new ValidationResult("Two Inbox:ApiKeys entries share the same Key.");
        }
    }
}
