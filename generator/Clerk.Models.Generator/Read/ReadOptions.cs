using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Clerk.Models.Generator.Diagnostics;
using Clerk.Models.Generator.Input;
using Clerk.Models.Generator.Model;
using Clerk.Models.Generator.Read.Schemas;
using Clerk.Models.Generator.Read.Text;

namespace Clerk.Models.Generator.Read;

/// <summary>The options of one spec after validation, each invalid value reported and replaced by its default.</summary>
internal sealed class ReadOptions
{
    public const string UnixTimeExtension = "x-clerk-models-unix-time";

    private readonly Regex? _timestampMembers;
    private readonly TypeKind _timestampKind;

    private ReadOptions(bool isPublic, TypeRef integerType, Regex? timestampMembers, TypeKind timestampKind, bool lenientRequiredMembers, SchemaNameList? include, SchemaNameList? exclude, string? webhookEventMember)
    {
        WebhookEventMember = webhookEventMember;
        IsPublic = isPublic;
        IntegerType = integerType;
        LenientRequiredMembers = lenientRequiredMembers;
        Include = include;
        Exclude = exclude;
        _timestampMembers = timestampMembers;
        _timestampKind = timestampKind;
    }

    /// <summary>Generated types are <c>public</c> (default) or <c>internal</c>.</summary>
    public bool IsPublic { get; }

    /// <summary>The type of <c>integer</c> without a <c>format</c>: <c>long</c> (default) or <c>int</c>.</summary>
    public TypeRef IntegerType { get; }

    /// <summary>
    /// <c>RequiredMembers=lenient</c>: a payload may omit (or send <c>null</c> for) a member the spec
    /// requires, so such members are typed nullable. Default <c>enforce</c>: the reader refuses it.
    /// </summary>
    public bool LenientRequiredMembers { get; }

    /// <summary>The components to generate, with what they refer to; null for all of them.</summary>
    public SchemaNameList? Include { get; }

    /// <summary>The components not to generate unless a generated one refers to them; null for none.</summary>
    public SchemaNameList? Exclude { get; }

    /// <summary>The body member whose value names the webhook, for <c>WebhookEvent</c>; null to tell the bodies apart by their members.</summary>
    public string? WebhookEventMember { get; }

    /// <summary>The unix-time kind for an integer member with this JSON name, or null when the option does not name it.</summary>
    public TypeKind? TimestampUnitFor(string jsonName)
        => _timestampMembers is not null && _timestampMembers.IsMatch(jsonName) ? _timestampKind : null;

    public static TypeKind? ParseUnit(string text) => text.Trim().ToLowerInvariant() switch
    {
        "milliseconds" or "ms" => TypeKind.UnixMilliseconds,
        "seconds" or "s" => TypeKind.UnixSeconds,
        _ => null,
    };

    public static ReadOptions Resolve(SpecOptions options, SpecLocator locator, List<DiagnosticInfo> diagnostics)
    {
        void Invalid(string value, string name, string expected, string fallback)
            => diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOption, locator.File, value, name, expected, fallback));

        var isPublic = true;
        if (!string.IsNullOrWhiteSpace(options.Accessibility))
        {
            switch (options.Accessibility!.Trim().ToLowerInvariant())
            {
                case "public":
                    break;
                case "internal":
                    isPublic = false;
                    break;
                default:
                    Invalid(options.Accessibility, "Accessibility (ClerkModelsAccessibility)", "'public' or 'internal'", "public");
                    break;
            }
        }

        var integerType = TypeRef.Int64;
        if (!string.IsNullOrWhiteSpace(options.IntegerType))
        {
            switch (options.IntegerType!.Trim().ToLowerInvariant())
            {
                case "int64" or "long":
                    break;
                case "int32" or "int":
                    integerType = TypeRef.Int32;
                    break;
                default:
                    Invalid(options.IntegerType, "IntegerType (ClerkModelsIntegerType)", "'int64' or 'int32'", "int64");
                    break;
            }
        }

        var unit = TypeKind.UnixMilliseconds;
        if (!string.IsNullOrWhiteSpace(options.UnixTimestampUnit))
        {
            if (ParseUnit(options.UnixTimestampUnit!) is { } parsed)
            {
                unit = parsed;
            }
            else
            {
                Invalid(options.UnixTimestampUnit!, "UnixTimestampUnit (ClerkModelsUnixTimestampUnit)", "'milliseconds' or 'seconds'", "milliseconds");
            }
        }

        var lenient = false;
        if (!string.IsNullOrWhiteSpace(options.RequiredMembers))
        {
            switch (options.RequiredMembers!.Trim().ToLowerInvariant())
            {
                case "enforce":
                    break;
                case "lenient":
                    lenient = true;
                    break;
                default:
                    Invalid(options.RequiredMembers, "RequiredMembers (ClerkModelsRequiredMembers)", "'enforce' or 'lenient'", "enforce");
                    break;
            }
        }

        // Whether each name matches a schema is known only once the spec is read (CMG014).
        return new ReadOptions(
            isPublic,
            integerType,
            PatternOf(options.UnixTimestamps),
            unit,
            lenient,
            SchemaNameList.Parse(options.Include, "Include (ClerkModelsInclude)"),
            SchemaNameList.Parse(options.Exclude, "Exclude (ClerkModelsExclude)"),
            string.IsNullOrWhiteSpace(options.WebhookEventMember) ? null : options.WebhookEventMember!.Trim());
    }

    /// <summary>
    /// A ';'-separated list of member names where '*' stands for any characters (<c>*_at;expire_at</c>),
    /// as one regular expression over the whole JSON name.
    /// </summary>
    private static Regex? PatternOf(string? list)
    {
        var parts = (list ?? string.Empty).Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Trim())
            .Where(p => p.Length > 0)
            .Select(p => Regex.Escape(p).Replace("\\*", ".*"))
            .ToList();
        return parts.Count == 0 ? null : new Regex("^(?:" + string.Join("|", parts) + ")$", RegexOptions.CultureInvariant);
    }
}
