using System.Collections.Generic;
using Clerk.Models.Generator.Model;

namespace Clerk.Models.Generator.Emit;

/// <summary>
/// The C# that reads or writes one value of a given type, shared by the record and union converters.
/// Generated code expects <c>reader</c>, <c>writer</c> and <c>options</c> in scope.
/// </summary>
internal static class ValueCode
{
    private const string JsonRead = EmitContext.Runtime + ".JsonRead";

    /// <summary>An expression that reads the value at the reader's current token.</summary>
    public static string Read(EmitContext context, TypeRef type, bool acceptsNull)
    {
        switch (type.Kind)
        {
            case TypeKind.String:
            case TypeKind.Boolean:
            case TypeKind.Int32:
            case TypeKind.Int64:
            case TypeKind.Single:
            case TypeKind.Double:
            case TypeKind.Decimal:
                return JsonRead + "." + (acceptsNull ? "Nullable" : string.Empty) + type.Kind + "(ref reader)";
        }

        var read = type.Kind switch
        {
            TypeKind.RawJson => EmitContext.Runtime + ".RawJson.Read(ref reader)",
            TypeKind.Array => ListReaderName(type) + "(ref reader, options)",
            _ => context.ConverterOf(type) + ".ReadValue(ref reader, options)",
        };

        // Where null is refused, the reader below reports the null token as the wrong token.
        return acceptsNull ? JsonRead + ".IsNull(ref reader) ? null : " + read : read;
    }

    /// <summary>Statements that write a member, its name first. <paramref name="value"/> has the member's declared type.</summary>
    public static void WriteMember(SourceWriter writer, EmitContext context, TypeRef type, bool nullable, string name, string value)
    {
        var method = PrimitiveWriteMethod(type);
        if (type.Kind == TypeKind.String)
        {
            // WriteString writes null for a null string.
            writer.Line("writer.WriteString(" + name + ", " + value + ");");
            return;
        }

        if (method is not null && !nullable)
        {
            writer.Line("writer." + method + "(" + name + ", " + value + ");");
            return;
        }

        if (method is not null)
        {
            writer.Line("if (" + value + ".HasValue)");
            writer.Line("{");
            writer.Line("    writer." + method + "(" + name + ", " + value + ".GetValueOrDefault());");
            writer.Line("}");
            writer.Line("else");
            writer.Line("{");
            writer.Line("    writer.WriteNull(" + name + ");");
            writer.Line("}");
            return;
        }

        writer.Line("writer.WritePropertyName(" + name + ");");
        WriteValue(writer, context, type, nullable, value);
    }

    /// <summary>Statements that write a value with no name (an array element, a union case).</summary>
    public static void WriteValue(SourceWriter writer, EmitContext context, TypeRef type, bool nullable, string value)
    {
        var statement = WriteNonNullValue(context, type, nullable && type.IsValueType ? value + ".GetValueOrDefault()" : value);
        if (!nullable)
        {
            writer.Line(statement);
            return;
        }

        writer.Line("if (" + value + (type.IsValueType ? ".HasValue)" : " is not null)"));
        writer.Line("{");
        writer.Line("    " + statement);
        writer.Line("}");
        writer.Line("else");
        writer.Line("{");
        writer.Line("    writer.WriteNullValue();");
        writer.Line("}");
    }

    private static string WriteNonNullValue(EmitContext context, TypeRef type, string value) => type.Kind switch
    {
        TypeKind.String => "writer.WriteStringValue(" + value + ");",
        TypeKind.Boolean => "writer.WriteBooleanValue(" + value + ");",
        TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double or TypeKind.Decimal => "writer.WriteNumberValue(" + value + ");",
        TypeKind.RawJson => value + ".WriteTo(writer);",
        TypeKind.Array => ListWriterName(type) + "(writer, " + value + ", options);",
        _ => context.ConverterOf(type) + ".WriteValue(writer, " + value + ", options);",
    };

    private static string? PrimitiveWriteMethod(TypeRef type) => type.Kind switch
    {
        TypeKind.Boolean => "WriteBoolean",
        TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double or TypeKind.Decimal => "WriteNumber",
        _ => null,
    };

    public static string ListReaderName(TypeRef arrayType) => "ReadListOf" + Describe(arrayType.Item!);

    public static string ListWriterName(TypeRef arrayType) => "WriteListOf" + Describe(arrayType.Item!);

    private static string Describe(TypeRef type) => type.Kind switch
    {
        TypeKind.Array => "ListOf" + Describe(type.Item!),
        TypeKind.Record or TypeKind.Enum or TypeKind.Union => type.Name!,
        _ => type.Kind.ToString(),
    };

    /// <summary>Every array type that reading or writing <paramref name="types"/> needs a helper for, nested ones included.</summary>
    public static List<TypeRef> ArrayTypesIn(IEnumerable<TypeRef> types)
    {
        var found = new List<TypeRef>();
        foreach (var type in types)
        {
            for (var current = type; current.Kind == TypeKind.Array; current = current.Item!)
            {
                if (!found.Contains(current))
                {
                    found.Add(current);
                }
            }
        }

        return found;
    }

    /// <summary>Emits one reader and one writer method per array type, with the element index in error paths.</summary>
    public static void WriteListHelpers(SourceWriter writer, EmitContext context, IEnumerable<TypeRef> arrayTypes)
    {
        foreach (var arrayType in arrayTypes)
        {
            var item = arrayType.Item!;
            var itemType = context.TypeName(item);
            var listType = context.TypeName(arrayType);

            writer.Line();
            writer.OpenBlock("private static " + listType + " " + ListReaderName(arrayType)
                + "(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Text.Json.JsonSerializerOptions options)");
            writer.Line(JsonRead + ".Expect(ref reader, global::System.Text.Json.JsonTokenType.StartArray);");
            writer.Line("var items = new " + EmitContext.Runtime + ".ValueListBuilder<" + itemType + ">();");
            writer.OpenBlock("try");
            writer.OpenBlock("while (true)");
            writer.Line(JsonRead + ".Next(ref reader);");
            writer.OpenBlock("if (reader.TokenType == global::System.Text.Json.JsonTokenType.EndArray)");
            writer.Line("return items.ToValueList();");
            writer.CloseBlock();
            writer.Line();
            writer.Line("items.Add(" + Read(context, item, acceptsNull: false) + ");");
            writer.CloseBlock();
            writer.CloseBlock();
            writer.OpenBlock("catch (global::System.Exception ex) when (" + EmitContext.Runtime + ".JsonReadError.IsReadFailure(ex))");
            writer.Line("throw " + EmitContext.Runtime + ".JsonReadError.AtIndex(ex, items.Count);");
            writer.CloseBlock();
            writer.CloseBlock();

            writer.Line();
            writer.OpenBlock("private static void " + ListWriterName(arrayType)
                + "(global::System.Text.Json.Utf8JsonWriter writer, " + listType + " value, global::System.Text.Json.JsonSerializerOptions options)");
            writer.Line("writer.WriteStartArray();");
            writer.OpenBlock("foreach (var item in value)");
            WriteValue(writer, context, item, nullable: false, "item");
            writer.CloseBlock();
            writer.Line();
            writer.Line("writer.WriteEndArray();");
            writer.CloseBlock();
        }
    }
}
