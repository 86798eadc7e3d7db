using System.Collections.Generic;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Newtonsoft.Json.Serialization;

namespace Clerk.Models.Benchmarks.Mirror;

// Every mirror candidate omits nulls when writing: the mirror cannot tell null from absent, and
// writing null for every member it did not receive would make its output larger than the input.

/// <summary>System.Text.Json's source generator, metadata only: what reading goes through.</summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(MirrorUser))]
[JsonSerializable(typeof(List<MirrorUser>))]
internal sealed partial class MirrorMetadataContext : JsonSerializerContext
{
}

/// <summary>System.Text.Json's source generator, serialization only: the fast path writers use.</summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Serialization, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(MirrorUser))]
[JsonSerializable(typeof(List<MirrorUser>))]
internal sealed partial class MirrorFastPathContext : JsonSerializerContext
{
}

internal static class MirrorSerializers
{
    /// <summary>System.Text.Json by reflection.</summary>
    public static readonly JsonSerializerOptions Reflection = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    /// <summary>Newtonsoft.Json, taking the names from the same [JsonPropertyName] attributes.</summary>
    public static readonly Newtonsoft.Json.JsonSerializer NewtonsoftJson = Newtonsoft.Json.JsonSerializer.Create(new Newtonsoft.Json.JsonSerializerSettings
    {
        ContractResolver = new StjNameContractResolver(),
        Converters = { new JsonElementConverter() },
        NullValueHandling = Newtonsoft.Json.NullValueHandling.Ignore,
        // Otherwise strings in metadata that look like dates come back reformatted.
        DateParseHandling = Newtonsoft.Json.DateParseHandling.None,
    });

    /// <summary>Free-form members: copied as raw JSON text in one pass, and written back as they were.</summary>
    private sealed class JsonElementConverter : Newtonsoft.Json.JsonConverter<JsonElement?>
    {
        public override JsonElement? ReadJson(Newtonsoft.Json.JsonReader reader, System.Type objectType, JsonElement? existingValue, bool hasExistingValue, Newtonsoft.Json.JsonSerializer serializer)
        {
            if (reader.TokenType == Newtonsoft.Json.JsonToken.Null)
            {
                return null;
            }

            using var document = JsonDocument.Parse(Newtonsoft.Json.Linq.JRaw.Create(reader).ToString());
            return document.RootElement.Clone();
        }

        public override void WriteJson(Newtonsoft.Json.JsonWriter writer, JsonElement? value, Newtonsoft.Json.JsonSerializer serializer)
        {
            if (value is { } element)
            {
                writer.WriteRawValue(element.GetRawText());
            }
            else
            {
                writer.WriteNull();
            }
        }
    }

    private sealed class StjNameContractResolver : DefaultContractResolver
    {
        protected override Newtonsoft.Json.Serialization.JsonProperty CreateProperty(MemberInfo member, Newtonsoft.Json.MemberSerialization memberSerialization)
        {
            var property = base.CreateProperty(member, memberSerialization);
            if (member.GetCustomAttribute<JsonPropertyNameAttribute>() is { } name)
            {
                property.PropertyName = name.Name;
            }

            return property;
        }
    }
}
