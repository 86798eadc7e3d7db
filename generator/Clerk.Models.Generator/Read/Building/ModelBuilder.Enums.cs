using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Clerk.Models.Generator.Diagnostics;
using Clerk.Models.Generator.Model;
using Clerk.Models.Generator.Naming;
using Clerk.Models.Generator.Read.OpenApi;
using Microsoft.OpenApi;

namespace Clerk.Models.Generator.Read.Building;

internal sealed partial class ModelBuilder
{
    private void BuildEnum(IOpenApiSchema schema, string typeName, string pointer, string? description)
    {
        // null in the list means "nullable"; it is not a member.
        var values = EnumValues(schema, pointer);
        var kind = EnumKindOf(schema, values);
        var names = new NameScope(ReservedNames.EnumMembers.Concat(new[] { typeName }));
        var members = new List<EnumMemberModel>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (node, index, isString, text) in values)
        {
            var valuePointer = pointer + "/enum/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

            // A string enum holds the strings; any other holds each value's JSON text, as the spec writes it.
            var value = kind == EnumValueKind.String || !isString ? text : node.ToJsonString();
            if (!seen.Add(value))
            {
                continue;
            }

            var natural = isString ? NameMangler.ToPascalCase(text, "Empty") : NumberName(text);
            var name = names.Claim(natural);
            if (isString && (text.Length == 0 || !char.IsLetter(text[0]) || name != natural))
            {
                Report(DiagnosticDescriptors.EnumValueName, valuePointer, text, name);
            }

            members.Add(new EnumMemberModel(value, name));
        }

        Enums.Add(new EnumModel(typeName, _typeNames.FileOf(typeName), description, members.ToEquatableArray(), kind) { SourcePointer = pointer });
    }

    /// <summary>
    /// The <c>enum</c> values other than null, each with its text: a string's value, or a number as the
    /// spec writes it (<c>1.0</c> is not <c>1</c>).
    /// </summary>
    private List<(JsonValue Node, int Index, bool IsString, string Text)> EnumValues(IOpenApiSchema schema, string pointer)
        => OpenApiAdapter.EnumValues(schema)
            .Select(v =>
            {
                var (isString, text) = _adapter.ScalarOf(v.Node, pointer + "/enum/" + v.Index.ToString(System.Globalization.CultureInfo.InvariantCulture));
                return (v.Node, v.Index, isString, text);
            })
            .ToList();

    /// <summary>
    /// A number's member name from its text: <c>Value1_0</c>, <c>ValueMinus1</c>, <c>Value1ePlus308</c>,
    /// <c>Value5eMinus324</c>. Every character of a JSON number becomes part of an identifier.
    /// </summary>
    private static string NumberName(string number)
    {
        var name = new System.Text.StringBuilder("Value", number.Length + 16);
        foreach (var c in number)
        {
            name.Append(c switch
            {
                '-' => "Minus",
                '+' => "Plus",
                '.' => "_",
                _ => c.ToString(),
            });
        }

        return NameMangler.Limit(name.ToString());
    }

    /// <summary>All strings: a string enum. All integers of an integer schema: Int32 or Int64. Anything else: raw JSON values.</summary>
    private EnumValueKind EnumKindOf(IOpenApiSchema schema, List<(JsonValue Node, int Index, bool IsString, string Text)> values)
    {
        if (values.All(v => v.IsString))
        {
            return EnumValueKind.String;
        }

        // Integers by their text: 2.0 and 1e2 are numbers an integer reader would refuse.
        var type = schema.Type.GetValueOrDefault() & ~JsonSchemaType.Null;
        if (values.All(v => !v.IsString
                && long.TryParse(v.Text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _))
            && type is JsonSchemaType.Integer or 0)
        {
            return schema.Format == "int32" || (schema.Format is null && _options.IntegerType.Kind == TypeKind.Int32) ? EnumValueKind.Int32 : EnumValueKind.Int64;
        }

        return EnumValueKind.Json;
    }
}
