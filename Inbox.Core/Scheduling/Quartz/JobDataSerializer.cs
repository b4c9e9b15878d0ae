using System.Collections;
using System.Collections.Specialized;
using System.Text.Json;
using Quartz;
using Quartz.Spi;

namespace Inbox.Core.Scheduling.Quartz;

/// <summary>
/// Stores Quartz job data as a JSON object of strings. Quartz core's only serializer is BinaryFormatter, which .NET 9
/// refuses, and its JSON serializers are separate packages the registry lacks. Our jobs carry no data beyond their
/// key (see <see cref="AutomationJob"/>), so string values are all this has to support.
/// </summary>
public sealed class JobDataSerializer : IObjectSerializer
{
    public void Initialize()
    {
    }

    public byte[] Serialize<T>(T obj)
        where T : class
    {
        var values = new Dictionary<string, string?>();
        switch (obj)
        {
            case NameValueCollection collection:
                foreach (var key in collection.AllKeys.OfType<string>())
                {
                    values[key] = collection[key];
                }

                break;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    values[entry.Key.ToString()!] = entry.Value?.ToString();
                }

                break;
            default:
                throw new NotSupportedException($"Only job data maps of strings are stored, not {typeof(T).Name}.");
        }

        return JsonSerializer.SerializeToUtf8Bytes(values);
    }

    public T? DeSerialize<T>(byte[] data)
        where T : class
    {
        var values = JsonSerializer.Deserialize<Dictionary<string, string?>>(data) ?? [];
        if (typeof(T).IsAssignableFrom(typeof(NameValueCollection)))
        {
            var collection = new NameValueCollection();
            foreach (var (key, value) in values)
            {
                collection[key] = value;
            }

            return (T)(object)collection;
        }

        var map = new JobDataMap();
        foreach (var (key, value) in values)
        {
            map[key] = value!;
        }

        return map as T ?? throw new NotSupportedException($"Only job data maps of strings are stored, not {typeof(T).Name}.");
    }
}
