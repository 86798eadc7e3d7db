using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Clerk.Models.Generator.Model;
using Clerk.Models.Generator.Naming;
using Member = Clerk.Models.Generator.Emit.RecordEmitter.Member;

namespace Clerk.Models.Generator.Emit;

/// <summary>
/// Emits a record's nested <c>JsonConverter</c>: one forward pass over <c>Utf8JsonReader</c> with
/// member names matched on their UTF-8 bytes, and a writer with pre-encoded names.
/// </summary>
internal static class ConverterWriter
{
    private const string Json = EmitContext.Json;
    private const string Runtime = EmitContext.Runtime;
    private const string Serialization = EmitContext.Serialization;
    private const string JsonNames = EmittedNames.JsonNamesField;
    private const string UnknownMember = EmittedNames.UnknownMemberConstant;

    public static void Write(SourceWriter writer, EmitContext context, RecordModel record, List<Member> members)
    {
        context.BeginConverter(record.Containers);
        var type = context.Qualified(record.Name);
        writer.Line("/// <summary>Reads and writes <see cref=\"" + record.Name + "\"/> exactly as the JSON carries it.</summary>");
        writer.OpenBlock("public sealed class JsonConverter : global::System.Text.Json.Serialization.JsonConverter<" + type + ">");

        if (members.Count > 0)
        {
            writer.Line("private const " + record.MemberEnumName + " " + UnknownMember + " = (" + record.MemberEnumName + ")(-1);");
            writer.Line();
            writer.OpenBlock("private static readonly string[] " + JsonNames + " =");
            foreach (var member in members)
            {
                writer.Line(CSharpText.Literal(member.Property.JsonName) + ",");
            }

            writer.CloseBlock(";");
            writer.Line();
            foreach (var member in members)
            {
                writer.Line("private static readonly " + Json + ".JsonEncodedText " + EncodedName(member)
                    + " = " + Json + ".JsonEncodedText.Encode(" + JsonNames + "[" + member.Index.ToString(CultureInfo.InvariantCulture) + "]);");
            }

            writer.Line();
        }

        EmitContext.WriteConverterOverrides(writer, type);

        WriteRead(writer, context, record, members, type);
        writer.Line();
        WriteWrite(writer, context, record, members, type);
        if (members.Count > 0)
        {
            writer.Line();
            WriteMatch(writer, record, members);
        }

        ValueCode.WriteContainerHelpers(writer, context, record.Containers);
        writer.CloseBlock();
    }

    private static string EncodedName(Member member) => member.Property.EncodedNameField;

    private static void WriteRead(SourceWriter writer, EmitContext context, RecordModel record, List<Member> members, string type)
    {
        writer.Line("/// <summary>Reads one <see cref=\"" + record.Name + "\"/> starting at the reader's current token.</summary>");
        writer.OpenBlock("public static " + type + " ReadValue(ref " + Json + ".Utf8JsonReader reader, " + Json + ".JsonSerializerOptions options)");
        writer.Line(Serialization + ".JsonRead.Expect(ref reader, " + Json + ".JsonTokenType.StartObject);");
        for (var word = 0; word < EmittedNames.PresenceWords(members.Count); word++)
        {
            writer.Line("ulong " + EmittedNames.PresenceLocal(word) + " = 0;");
        }

        foreach (var member in members)
        {
            // Reference-type locals start as null until read; required ones are checked before use.
            var memberType = member.Property.Type;
            writer.Line(context.TypeName(memberType, member.Property.IsCSharpNullable || !context.IsValueType(memberType)) + " " + member.Local + " = default;");
        }

        writer.Line("var additionalProperties = new " + Serialization + ".ValueMapBuilder<" + Runtime + ".RawJson>();");
        writer.Line(Runtime + ".ValueMap<" + Runtime + ".RawJson>? unknownMembers;");
        writer.Line("string? member = null;");
        writer.OpenBlock("try");
        writer.OpenBlock("while (true)");
        writer.Line(Serialization + ".JsonRead.Next(ref reader);");
        writer.OpenBlock("if (reader.TokenType == " + Json + ".JsonTokenType.EndObject)");
        writer.Line("break;");
        writer.CloseBlock();
        writer.Line();
        if (members.Count > 0)
        {
            writer.Line("var current = MatchMember(ref reader);");
            writer.Line("member = current == " + UnknownMember + " ? reader.GetString()! : " + JsonNames + "[(int)current];");
            writer.Line(Serialization + ".JsonRead.Next(ref reader);");
            writer.OpenBlock("switch (current)");
            foreach (var member in members)
            {
                writer.Line("case " + record.MemberEnumName + "." + member.Property.Name + ":");
                writer.Indent();
                writer.Line(member.Local + " = " + ValueCode.Read(context, member.Property.Type, member.Property.AcceptsNull) + ";");
                writer.Line(member.PresenceLocal + " |= " + member.Bit + ";");
                writer.Line("break;");
                writer.Unindent();
            }

            writer.Line("default:");
            writer.Line("    additionalProperties.Add(member, " + Runtime + ".RawJson.Read(ref reader));");
            writer.Line("    break;");
            writer.CloseBlock();
        }
        else
        {
            writer.Line("member = reader.GetString()!;");
            writer.Line(Serialization + ".JsonRead.Next(ref reader);");
            writer.Line("additionalProperties.Add(member, " + Runtime + ".RawJson.Read(ref reader));");
        }

        writer.Line();
        writer.Line("member = null;");
        writer.CloseBlock();
        writer.Line();
        writer.Line("unknownMembers = additionalProperties.ToValueMapOrNull();");
        writer.CloseBlock();
        writer.OpenBlock("catch (global::System.Exception ex) when (member is not null && " + Serialization + ".JsonReadError.IsReadFailure(ex))");
        writer.Line("throw " + Serialization + ".JsonReadError.AtProperty(ex, member);");
        writer.CloseBlock();
        writer.OpenBlock("finally");
        writer.Line("additionalProperties.Dispose();");
        writer.CloseBlock();
        writer.Line();

        foreach (var member in members.Where(m => m.Property.IsRequiredWhenRead))
        {
            writer.OpenBlock("if ((" + member.PresenceLocal + " & " + member.Bit + ") == 0)");
            writer.Line("throw " + Serialization + ".JsonReadError.MissingRequired(" + CSharpText.Literal(member.Property.JsonName) + ");");
            writer.CloseBlock();
            writer.Line();
        }

        // Required members go through their properties (the compiler insists); the others straight
        // into their fields so that absent members stay absent.
        writer.Line("return new " + type);
        writer.OpenBlock();
        foreach (var member in members)
        {
            var property = member.Property;
            var target = property.IsRequired ? CSharpText.Identifier(property.Name) : member.Field;
            var value = property.IsRequired && !property.IsCSharpNullable && !context.IsValueType(property.Type) ? member.Local + "!" : member.Local;
            writer.Line(target + " = " + value + ",");
        }

        for (var word = 0; word < EmittedNames.PresenceWords(members.Count); word++)
        {
            writer.Line(EmittedNames.PresenceField(word) + " = " + EmittedNames.PresenceLocal(word) + ",");
        }

        writer.Line(EmittedNames.AdditionalPropertiesField + " = unknownMembers,");
        writer.CloseBlock(";");
        writer.CloseBlock();
    }

    private static void WriteWrite(SourceWriter writer, EmitContext context, RecordModel record, List<Member> members, string type)
    {
        writer.Line("/// <summary>Writes <paramref name=\"value\"/>: its present members, then the unknown members it was read with.</summary>");
        writer.OpenBlock("public static void WriteValue(" + Json + ".Utf8JsonWriter writer, " + type + " value, " + Json + ".JsonSerializerOptions options)");
        writer.Line("writer.WriteStartObject();");
        for (var word = 0; word < EmittedNames.PresenceWords(members.Count); word++)
        {
            writer.Line("var " + EmittedNames.PresenceLocal(word) + " = value." + EmittedNames.PresenceField(word) + ";");
        }

        foreach (var member in members)
        {
            writer.OpenBlock("if ((" + member.PresenceLocal + " & " + member.Bit + ") != 0)");
            ValueCode.WriteMember(writer, context, member.Property.Type, member.Property.IsCSharpNullable, EncodedName(member), "value." + member.Field);
            writer.CloseBlock();
            writer.Line();
        }

        writer.OpenBlock("if (value." + EmittedNames.AdditionalPropertiesField + " is { } additionalProperties)");
        writer.OpenBlock("foreach (var pair in additionalProperties)");
        if (members.Count > 0)
        {
            // A declared member is written once, from its property, even if the map holds its name too.
            writer.OpenBlock("if (global::System.Array.IndexOf(" + JsonNames + ", pair.Key) >= 0)");
            writer.Line("continue;");
            writer.CloseBlock();
            writer.Line();
        }

        writer.Line("writer.WritePropertyName(pair.Key);");
        writer.Line("pair.Value.WriteTo(writer);");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.Line();
        writer.Line("writer.WriteEndObject();");
        writer.CloseBlock();
    }

    /// <summary>Finds a member by its name's UTF-8 bytes: a switch on the length, then a byte comparison.</summary>
    private static void WriteMatch(SourceWriter writer, RecordModel record, List<Member> members)
    {
        var enumName = record.MemberEnumName;
        writer.OpenBlock("private static " + enumName + " MatchMember(ref " + Json + ".Utf8JsonReader reader)");
        writer.Line("global::System.ReadOnlySpan<byte> name = reader.HasValueSequence || reader.ValueIsEscaped");
        writer.Line("    ? " + Serialization + ".JsonRead.GetUnescapedUtf8(ref reader)");
        writer.Line("    : reader.ValueSpan;");
        writer.OpenBlock("switch (name.Length)");
        foreach (var group in members.GroupBy(m => System.Text.Encoding.UTF8.GetByteCount(m.Property.JsonName)).OrderBy(g => g.Key))
        {
            writer.Line("case " + group.Key.ToString(CultureInfo.InvariantCulture) + ":");
            writer.Indent();
            foreach (var member in group)
            {
                writer.OpenBlock("if (global::System.MemoryExtensions.SequenceEqual(name, " + CSharpText.Utf8Literal(member.Property.JsonName) + "))");
                writer.Line("return " + enumName + "." + member.Property.Name + ";");
                writer.CloseBlock();
                writer.Line();
            }

            writer.Line("break;");
            writer.Unindent();
        }

        writer.CloseBlock();
        writer.Line();
        writer.Line("return " + UnknownMember + ";");
        writer.CloseBlock();
    }
}
