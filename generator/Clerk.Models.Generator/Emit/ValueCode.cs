using Clerk.Models.Generator.Model;
using Clerk.Models.Generator.Naming;

namespace Clerk.Models.Generator.Emit;

/// <summary>
/// The C# that reads or writes one value of a given type, shared by the record and union converters.
/// Generated code expects <c>reader</c>, <c>writer</c> and <c>options</c> in scope.
/// </summary>
internal static class ValueCode
{
    private const string JsonRead = EmitContext.Serialization + ".JsonRead";
    private const string JsonWrite = EmitContext.Serialization + ".JsonWrite";

    /// <summary>An expression that reads the value at the reader's current token.</summary>
    public static string Read(EmitContext context, TypeRef type, bool acceptsNull)
    {
        if (RuntimeReaderName(context, type) is { } reader)
        {
            return JsonRead + "." + (acceptsNull ? "Nullable" : string.Empty) + reader + "(ref reader)";
        }

        var read = type.Kind switch
        {
            TypeKind.RawJson => EmitContext.Runtime + ".RawJson.Read(ref reader)",
            TypeKind.Array or TypeKind.Map => ContainerReaderName(context, type) + "(ref reader, options)",
            _ => context.ConverterOf(type) + ".ReadValue(ref reader, options)",
        };

        // Where null is refused, the reader below reports the null token as the wrong token.
        return acceptsNull ? JsonRead + ".IsNull(ref reader) ? null : " + read : read;
    }

    /// <summary>The <c>JsonRead</c> method for a value the runtime reads itself, without its <c>Nullable</c> prefix.</summary>
    private static string? RuntimeReaderName(EmitContext context, TypeRef type) => type.Kind switch
    {
        TypeKind.String or TypeKind.Boolean or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double or TypeKind.Decimal
            or TypeKind.DateTimeOffset or TypeKind.Guid or TypeKind.Bytes or TypeKind.UnixMilliseconds or TypeKind.UnixSeconds => type.Kind.ToString(),
        TypeKind.Date => context.HasDateOnly ? "DateOnly" : "String",
        _ => null,
    };

    /// <summary>Statements that write a member, its name first. <paramref name="value"/> has the member's declared type.</summary>
    public static void WriteMember(SourceWriter writer, EmitContext context, TypeRef type, bool nullable, string name, string value)
    {
        if (type.Kind == TypeKind.String || (type.Kind == TypeKind.Date && !context.HasDateOnly))
        {
            // WriteString writes null for a null string.
            writer.Line("writer.WriteString(" + name + ", " + value + ");");
            return;
        }

        var method = type.Kind switch
        {
            TypeKind.Boolean => "WriteBoolean",
            TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double or TypeKind.Decimal => "WriteNumber",
            _ => null,
        };
        if (method is null)
        {
            writer.Line("writer.WritePropertyName(" + name + ");");
            WriteValue(writer, context, type, nullable, value);
        }
        else if (!nullable)
        {
            writer.Line("writer." + method + "(" + name + ", " + value + ");");
        }
        else
        {
            writer.OpenBlock("if (" + value + ".HasValue)");
            writer.Line("writer." + method + "(" + name + ", " + value + ".GetValueOrDefault());");
            writer.CloseBlock();
            writer.OpenBlock("else");
            writer.Line("writer.WriteNull(" + name + ");");
            writer.CloseBlock();
        }
    }

    /// <summary>Statements that write a value with no name (an array element, a map value, a union case).</summary>
    public static void WriteValue(SourceWriter writer, EmitContext context, TypeRef type, bool nullable, string value)
    {
        var isValueType = context.IsValueType(type);
        var statement = WriteNonNullValue(context, type, nullable && isValueType ? value + ".GetValueOrDefault()" : value);
        if (!nullable)
        {
            writer.Line(statement);
            return;
        }

        writer.OpenBlock("if (" + value + (isValueType ? ".HasValue)" : " is not null)"));
        writer.Line(statement);
        writer.CloseBlock();
        writer.OpenBlock("else");
        writer.Line("writer.WriteNullValue();");
        writer.CloseBlock();
    }

    private static string WriteNonNullValue(EmitContext context, TypeRef type, string value) => type.Kind switch
    {
        TypeKind.String => "writer.WriteStringValue(" + value + ");",
        TypeKind.Boolean => "writer.WriteBooleanValue(" + value + ");",
        TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double or TypeKind.Decimal => "writer.WriteNumberValue(" + value + ");",
        TypeKind.Date when !context.HasDateOnly => "writer.WriteStringValue(" + value + ");",
        TypeKind.Date => JsonWrite + ".DateOnly(writer, " + value + ");",
        TypeKind.DateTimeOffset or TypeKind.Guid or TypeKind.Bytes or TypeKind.UnixMilliseconds or TypeKind.UnixSeconds
            => JsonWrite + "." + type.Kind + "(writer, " + value + ");",
        TypeKind.RawJson => value + ".WriteTo(writer);",
        TypeKind.Array or TypeKind.Map => ContainerWriterName(context, type) + "(writer, " + value + ", options);",
        _ => context.ConverterOf(type) + ".WriteValue(writer, " + value + ", options);",
    };

    public static string ContainerReaderName(EmitContext context, TypeRef type) => EmittedNames.ContainerReader(context.ContainerName(type));

    public static string ContainerWriterName(EmitContext context, TypeRef type) => EmittedNames.ContainerWriter(context.ContainerName(type));

    /// <summary>Emits one reader and one writer method per container type, with the index or key in error paths.</summary>
    public static void WriteContainerHelpers(SourceWriter writer, EmitContext context, EquatableArray<ContainerModel> containers)
    {
        foreach (var container in containers)
        {
            var type = container.Type;
            if (type.Kind == TypeKind.Array)
            {
                WriteListHelpers(writer, context, type);
            }
            else
            {
                WriteMapHelpers(writer, context, type);
            }
        }
    }

    private static void WriteListHelpers(SourceWriter writer, EmitContext context, TypeRef type)
    {
        var itemType = context.TypeName(type.Item!, type.ItemNullable);
        var listType = context.TypeName(type);

        writer.Line();
        writer.OpenBlock("private static " + listType + " " + ContainerReaderName(context, type)
            + "(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Text.Json.JsonSerializerOptions options)");
        writer.Line(JsonRead + ".Expect(ref reader, global::System.Text.Json.JsonTokenType.StartArray);");
        writer.Line("var items = new " + EmitContext.Serialization + ".ValueListBuilder<" + itemType + ">();");
        writer.OpenBlock("try");
        writer.OpenBlock("while (true)");
        writer.Line(JsonRead + ".Next(ref reader);");
        writer.OpenBlock("if (reader.TokenType == global::System.Text.Json.JsonTokenType.EndArray)");
        writer.Line("return items.ToValueList();");
        writer.CloseBlock();
        writer.Line();
        writer.Line("items.Add(" + Read(context, type.Item!, type.ItemNullable) + ");");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.OpenBlock("catch (global::System.Exception ex) when (" + EmitContext.Serialization + ".JsonReadError.IsReadFailure(ex))");
        writer.Line("throw " + EmitContext.Serialization + ".JsonReadError.AtIndex(ex, items.Count);");
        writer.CloseBlock();
        writer.OpenBlock("finally");
        writer.Line("items.Dispose();");
        writer.CloseBlock();
        writer.CloseBlock();

        writer.Line();
        writer.OpenBlock("private static void " + ContainerWriterName(context, type)
            + "(global::System.Text.Json.Utf8JsonWriter writer, " + listType + " value, global::System.Text.Json.JsonSerializerOptions options)");
        writer.Line("writer.WriteStartArray();");
        writer.OpenBlock("foreach (var item in value)");
        WriteValue(writer, context, type.Item!, type.ItemNullable, "item");
        writer.CloseBlock();
        writer.Line();
        writer.Line("writer.WriteEndArray();");
        writer.CloseBlock();
    }

    private static void WriteMapHelpers(SourceWriter writer, EmitContext context, TypeRef type)
    {
        var valueType = context.TypeName(type.Item!, type.ItemNullable);
        var mapType = context.TypeName(type);

        writer.Line();
        writer.OpenBlock("private static " + mapType + " " + ContainerReaderName(context, type)
            + "(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Text.Json.JsonSerializerOptions options)");
        writer.Line(JsonRead + ".Expect(ref reader, global::System.Text.Json.JsonTokenType.StartObject);");
        writer.Line("var entries = new " + EmitContext.Serialization + ".ValueMapBuilder<" + valueType + ">();");
        writer.Line("string? key = null;");
        writer.OpenBlock("try");
        writer.OpenBlock("while (true)");
        writer.Line(JsonRead + ".Next(ref reader);");
        writer.OpenBlock("if (reader.TokenType == global::System.Text.Json.JsonTokenType.EndObject)");
        writer.Line("return entries.ToValueMap();");
        writer.CloseBlock();
        writer.Line();
        writer.Line("key = reader.GetString()!;");
        writer.Line(JsonRead + ".Next(ref reader);");
        writer.Line("entries.Add(key, " + Read(context, type.Item!, type.ItemNullable) + ");");
        writer.Line("key = null;");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.OpenBlock("catch (global::System.Exception ex) when (key is not null && " + EmitContext.Serialization + ".JsonReadError.IsReadFailure(ex))");
        writer.Line("throw " + EmitContext.Serialization + ".JsonReadError.AtProperty(ex, key);");
        writer.CloseBlock();
        writer.OpenBlock("finally");
        writer.Line("entries.Dispose();");
        writer.CloseBlock();
        writer.CloseBlock();

        writer.Line();
        writer.OpenBlock("private static void " + ContainerWriterName(context, type)
            + "(global::System.Text.Json.Utf8JsonWriter writer, " + mapType + " value, global::System.Text.Json.JsonSerializerOptions options)");
        writer.Line("writer.WriteStartObject();");
        writer.OpenBlock("foreach (var entry in value)");
        writer.Line("writer.WritePropertyName(entry.Key);");
        WriteValue(writer, context, type.Item!, type.ItemNullable, "entry.Value");
        writer.CloseBlock();
        writer.Line();
        writer.Line("writer.WriteEndObject();");
        writer.CloseBlock();
    }
}
