import Testing

@testable import LobbyServer

/// `TLSContext` set-up failures name the file and carry OpenSSL's reason, so a misconfigured server says why
/// at start-up.
@Suite struct TLSContextTests {
    /// A fresh self-signed certificate (and its directory, for files the tests write next to it).
    let certificate: TestCertificate

    init() throws { certificate = try TestCertificate() }

    /// Runs `body`, which must throw a `TLSError`, and returns it.
    private func tlsError(_ body: () throws -> TLSContext) -> TLSError? {
        do {
            _ = try body()
            Issue.record("expected a TLSError, got a context")
        } catch let error as TLSError {
            return error
        } catch {
            Issue.record("expected a TLSError, got \(error)")
        }
        return nil
    }

    @Test func loadsAGeneratedCertificateAndKey() throws {
        let context = try TLSContext.server(
            certificatePath: certificate.certificatePath, privateKeyPath: certificate.privateKeyPath)
        #expect(context.isServer)
    }

    @Test func missingCertificateFileNamesThePath() throws {
        let path = certificate.directory + "/absent.pem"
        let error = tlsError { try TLSContext.server(certificatePath: path, privateKeyPath: certificate.privateKeyPath) }
        #expect(error?.kind == .certificate)
        #expect(error?.description.contains(path) == true)
        #expect(error?.openSSLErrors.contains("No such file") == true)
    }

    @Test func missingKeyFileNamesThePath() throws {
        let path = certificate.directory + "/absent-key.pem"
        let error = tlsError { try TLSContext.server(certificatePath: certificate.certificatePath, privateKeyPath: path) }
        #expect(error?.kind == .privateKey)
        #expect(error?.description.contains(path) == true)
        #expect(error?.openSSLErrors.isEmpty == false)
    }

    @Test func certificateFileThatIsNotPEMIsRejected() throws {
        let path = try certificate.writeFile(named: "junk.pem", contents: "this is not a certificate\n")
        let error = tlsError { try TLSContext.server(certificatePath: path, privateKeyPath: certificate.privateKeyPath) }
        #expect(error?.kind == .certificate)
        #expect(error?.description.contains(path) == true)
        #expect(error?.openSSLErrors.isEmpty == false)
    }

    @Test func keyOfAnotherCertificateIsRejected() throws {
        let other = try TestCertificate()
        let error = tlsError {
            try TLSContext.server(certificatePath: certificate.certificatePath, privateKeyPath: other.privateKeyPath)
        }
        #expect(error?.kind == .privateKey)
        #expect(error?.description.contains(other.privateKeyPath) == true)
        #expect(error?.description.contains(certificate.certificatePath) == true)
        #expect(error?.openSSLErrors.contains("key values mismatch") == true)
    }

    @Test func clientWithMissingCAFileNamesThePath() throws {
        let path = certificate.directory + "/absent-ca.pem"
        let error = tlsError { try TLSContext.client(verifyPeer: true, caFile: path) }
        #expect(error?.kind == .context)
        #expect(error?.description.contains(path) == true)
    }
}
