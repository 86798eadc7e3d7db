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
        var values = OpenApiAdapter.EnumValues(schema);
        var kind = EnumKindOf(schema, values.Select(v => v.Node));
        var names = new NameScope(ReservedNames.EnumMembers.Concat(new[] { typeName }));
        var members = new List<EnumMemberModel>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (node, index) in values)
        {
            var valuePointer = pointer + "/enum/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var isString = node.TryGetValue<string>(out var text);
            var value = kind == EnumValueKind.String ? text! : node.ToJsonString();
            if (!seen.Add(value))
            {
                continue;
            }

            string natural;
            if (isString)
            {
                natural = NameMangler.ToPascalCase(text!, "Empty");
            }
            else
            {
                // Numbers are named by their value: Value1, ValueMinus1, Value2_5.
                var number = node.ToJsonString();
                natural = NameMangler.Limit("Value" + (number.StartsWith("-", StringComparison.Ordinal) ? "Minus" + number.Substring(1) : number).Replace('.', '_').Replace('+', '_'));
            }

            var name = names.Claim(natural);
            if (isString && (text!.Length == 0 || !char.IsLetter(text[0]) || name != natural))
            {
                Report(DiagnosticDescriptors.EnumValueName, valuePointer, text, name);
            }

            members.Add(new EnumMemberModel(value, name));
        }

        Enums.Add(new EnumModel(typeName, _typeNames.FileOf(typeName), description, members.ToEquatableArray(), kind));
    }

    /// <summary>All strings: a string enum. All integers of an integer schema: Int32 or Int64. Anything else: raw JSON values.</summary>
    private EnumValueKind EnumKindOf(IOpenApiSchema schema, IEnumerable<JsonValue> values)
    {
        var list = values.ToList();
        if (list.All(v => v.GetValueKind() == System.Text.Json.JsonValueKind.String))
        {
            return EnumValueKind.String;
        }

        var type = schema.Type.GetValueOrDefault() & ~JsonSchemaType.Null;
        if (list.All(v => v.GetValueKind() == System.Text.Json.JsonValueKind.Number && long.TryParse(v.ToJsonString(), out _))
            && type is JsonSchemaType.Integer or 0)
        {
            return schema.Format == "int32" || (schema.Format is null && _options.IntegerType.Kind == TypeKind.Int32) ? EnumValueKind.Int32 : EnumValueKind.Int64;
        }

        return EnumValueKind.Json;
    }
}
