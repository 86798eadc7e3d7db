using System.Linq;

namespace Clerk.Models.Generator.Naming;

/// <summary>
/// The names one record declares for its members: properties and their backing fields. Each name is
/// claimed in the scope where it is declared, so that names that differ only in the case of their
/// first letter (K and the Kelvin sign) stay apart. The converter declares nothing per member: it
/// reads into and writes from the fields.
/// </summary>
internal sealed class RecordMemberNames
{
    private readonly string _typeName;
    private readonly NameScope _members;

    public RecordMemberNames(string typeName, int memberCount)
    {
        _typeName = typeName;
        var words = Enumerable.Range(0, EmittedNames.PresenceWords(memberCount)).ToList();
        _members = new NameScope(ReservedNames.RecordMembers
            .Concat(new[] { typeName, EmittedNames.AdditionalPropertiesField })
            .Concat(words.Select(EmittedNames.PresenceField)));
    }

    /// <summary>Claims a property name. A member named like its type (EmailAddress.email_address) cannot keep the name (CS0542).</summary>
    public string ClaimProperty(string desired) => _members.Claim(desired == _typeName ? desired + "Value" : desired);

    /// <summary>Claims the backing field of a property.</summary>
    public string ClaimField(string propertyName) => _members.Claim(EmittedNames.MemberField(NameMangler.ToCamelCase(propertyName)));
}
