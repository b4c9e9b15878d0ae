using System.ComponentModel.DataAnnotations;

namespace Inbox.Core.Channels;

/// <summary>Channels declared in configuration (<c>Inbox:Channels</c>): how deployments and tests set them.</summary>
public sealed class ChannelOptions : IValidatableObject
{
    public const string Section = "Inbox";

    public List<ChannelSettings> Channels { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var channel in Channels)
        {
            if (!ChannelKeyFormat.IsValid(channel.Key))
            {
                yield return new ValidationResult($"Channel key '{channel.Key}' must be {ChannelKeyFormat.Description}.");
            }

            if (string.IsNullOrWhiteSpace(channel.Name) || string.IsNullOrWhiteSpace(channel.ExternalId))
            {
                yield return new ValidationResult($"Channel '{channel.Key}' needs a Name and an ExternalId.");
            }

            if (channel.LoginType == LoginType.Instagram && channel.Kind != ChannelKind.Instagram)
            {
                yield return new ValidationResult($"Channel '{channel.Key}': LoginType Instagram is only for Instagram channels.");
            }

            if (channel.Kind == ChannelKind.Line && string.IsNullOrEmpty(channel.ChannelSecret))
            {
                yield return new ValidationResult($"LINE channel '{channel.Key}' needs its ChannelSecret to verify webhooks.");
            }
        }

        foreach (var duplicate in Channels.GroupBy(c => c.Key).Where(g => g.Count() > 1))
        {
            yield return new ValidationResult($"Channel key '{duplicate.Key}' is declared twice.");
        }
    }
}
