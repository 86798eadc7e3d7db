using System.Globalization;

namespace Clerk.Models.Generator.Naming;

/// <summary>
/// The identifiers generated code declares for itself, spelled once: the model claims them before any
/// name from the spec, and the emitters write them from here, so the two never disagree.
/// </summary>
internal static class EmittedNames
{
    /// <summary>The converter class nested in every generated type.</summary>
    public const string ConverterClass = "JsonConverter";

    public const string IsPresentMethod = "IsPresent";

    public const string WithoutMethod = "Without";

    /// <summary>The record property that keeps members the spec does not describe.</summary>
    public const string AdditionalPropertiesProperty = "AdditionalProperties";

    /// <summary>The record's nested enum of its members, for <c>IsPresent</c> and <c>Without</c>.</summary>
    public const string MemberEnum = "JsonMember";

    /// <summary>The backing field of <see cref="AdditionalPropertiesProperty"/>.</summary>
    public const string AdditionalPropertiesField = "_additionalProperties";

    /// <summary>The property of a union case that holds the alternative's value.</summary>
    public const string CaseValueProperty = "Value";

    /// <summary>The property of the unknown case that holds the value's exact JSON.</summary>
    public const string UnknownJsonProperty = "Json";

    /// <summary>The name the case for values no alternative fits is given when it is free.</summary>
    public const string UnknownCase = "Unknown";

    /// <summary>The union of a spec's webhook bodies.</summary>
    public const string WebhookEventUnion = "WebhookEvent";

    /// <summary>The record field that holds presence bits 64 × <paramref name="word"/> and up.</summary>
    public static string PresenceField(int word) => "_present_" + word.ToString(CultureInfo.InvariantCulture);

    /// <summary>The converter local that holds the presence bits of <see cref="PresenceField"/> while a record is written.</summary>
    public static string PresenceLocal(int word) => "present" + word.ToString(CultureInfo.InvariantCulture);

    /// <summary>How many presence words a record of <paramref name="memberCount"/> members has.</summary>
    public static int PresenceWords(int memberCount) => (memberCount + 63) / 64;

    /// <summary>A member's backing field, from its property name in camelCase.</summary>
    public static string MemberField(string camelName) => "_" + camelName;

    /// <summary>A union converter's static field for its <paramref name="index"/>th pattern, from 1.</summary>
    public static string PatternField(int index) => "s_pattern" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>The struct nested in every converter that the runtime's generic list and map helpers call.</summary>
    public const string DirectConverter = "Direct";

    /// <summary>A record converter's table of its members' JSON names.</summary>
    public const string MemberNamesField = "s_names";

    /// <summary>A string enum's table of its known values.</summary>
    public const string EnumValuesField = "s_values";

    /// <summary>The spec resolver's cache of its options.</summary>
    public const string ResolverOptionsField = "_options";
}
