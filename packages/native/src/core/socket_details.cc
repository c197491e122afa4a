#include "socket_details.h"

#include <arpa/inet.h>
#include <errno.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/netlink_diag.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>

namespace tstrace {

namespace {

constexpr int kIpprotoL2tp = 115;  // IPPROTO_L2TP: uapi/linux/in.h, absent from glibc's netinet/in.h

// strace keeps 1024 entries; a trace touching more sockets re-queries, same output either way.
constexpr size_t kCacheMax = 4096;

enum class Family { kUnix, kInet, kNetlink };

struct Protocol {
  const char* name;
  Family family;
  int af;
  int proto;
};

// strace's protocol table (socketutils.c): the names sockprotoname reports, what to ask for.
constexpr Protocol kProtocols[] = {
    {"UNIX", Family::kUnix, AF_UNIX, 0},
    {"UNIX-STREAM", Family::kUnix, AF_UNIX, 0},
    {"UNIX-SEQPACKET", Family::kUnix, AF_UNIX, 0},
    {"TCP", Family::kInet, AF_INET, IPPROTO_TCP},
    {"UDP", Family::kInet, AF_INET, IPPROTO_UDP},
    {"UDPLITE", Family::kInet, AF_INET, IPPROTO_UDPLITE},
    {"DCCP", Family::kInet, AF_INET, IPPROTO_DCCP},
    {"SCTP", Family::kInet, AF_INET, IPPROTO_SCTP},
    {"L2TP/IP", Family::kInet, AF_INET, kIpprotoL2tp},
    {"PING", Family::kInet, AF_INET, IPPROTO_ICMP},
    {"RAW", Family::kInet, AF_INET, IPPROTO_RAW},
    {"TCPv6", Family::kInet, AF_INET6, IPPROTO_TCP},
    {"UDPv6", Family::kInet, AF_INET6, IPPROTO_UDP},
    {"UDPLITEv6", Family::kInet, AF_INET6, IPPROTO_UDPLITE},
    {"DCCPv6", Family::kInet, AF_INET6, IPPROTO_DCCP},
    {"SCTPv6", Family::kInet, AF_INET6, IPPROTO_SCTP},
    {"L2TP/IPv6", Family::kInet, AF_INET6, kIpprotoL2tp},
    {"PINGv6", Family::kInet, AF_INET6, IPPROTO_ICMP},
    {"RAWv6", Family::kInet, AF_INET6, IPPROTO_RAW},
    {"NETLINK", Family::kNetlink, AF_NETLINK, 0},
};

// NETLINK_* names by protocol number (uapi/linux/netlink.h), printed without the prefix.
const char* netlink_proto_name(unsigned p) {
  static const char* const kNames[] = {
      "ROUTE",     "UNUSED",     "USERSOCK",       "FIREWALL",  "SOCK_DIAG",    "NFLOG",
      "XFRM",      "SELINUX",    "ISCSI",          "AUDIT",     "FIB_LOOKUP",   "CONNECTOR",
      "NETFILTER", "IP6_FW",     "DNRTMSG",        "KOBJECT_UEVENT", "GENERIC", nullptr,
      "SCSITRANSPORT", "ECRYPTFS", "RDMA",         "CRYPTO",    "SMC"};
  return p < sizeof kNames / sizeof kNames[0] ? kNames[p] : nullptr;
}

class DiagSocket {
 public:
  DiagSocket() : fd_(socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_SOCK_DIAG)) {}
  ~DiagSocket() {
    if (fd_ >= 0) close(fd_);
  }
  DiagSocket(const DiagSocket&) = delete;
  DiagSocket& operator=(const DiagSocket&) = delete;
  bool ok() const { return fd_ >= 0; }

  bool send(const void* req, size_t len) {
    sockaddr_nl nl{};
    nl.nl_family = AF_NETLINK;
    for (;;) {
      if (sendto(fd_, req, len, 0, reinterpret_cast<sockaddr*>(&nl), sizeof nl) >= 0) return true;
      if (errno != EINTR) return false;
    }
  }

  // Calls parse(payload, payload_len) for each message until it returns true (found), the dump
  // ends, or an error. Returns whether parse found it.
  template <typename F>
  bool receive(F parse) {
    alignas(nlmsghdr) static thread_local char buf[16384];
    int flags = 0;
    for (;;) {
      ssize_t n = recv(fd_, buf, sizeof buf, flags);
      if (n < 0) {
        if (errno == EINTR) continue;
        return false;
      }
      int left = static_cast<int>(n);
      const nlmsghdr* h = reinterpret_cast<const nlmsghdr*>(buf);
      if (!NLMSG_OK(h, left)) return false;
      for (; NLMSG_OK(h, left); h = NLMSG_NEXT(h, left)) {
        if (h->nlmsg_type != SOCK_DIAG_BY_FAMILY) return false;  // NLMSG_DONE, NLMSG_ERROR
        if (parse(NLMSG_DATA(h), static_cast<int>(h->nlmsg_len))) return true;
      }
      flags = MSG_DONTWAIT;
    }
  }

 private:
  int fd_;
};

std::string unix_lookup(DiagSocket& s, uint64_t inode, const char* name) {
  struct {
    nlmsghdr nlh;
    unix_diag_req udr;
  } req{};
  req.nlh.nlmsg_len = sizeof req;
  req.nlh.nlmsg_type = SOCK_DIAG_BY_FAMILY;
  req.nlh.nlmsg_flags = NLM_F_REQUEST;
  req.udr.sdiag_family = AF_UNIX;
  req.udr.udiag_ino = static_cast<uint32_t>(inode);
  req.udr.udiag_states = ~0u;
  req.udr.udiag_show = UDIAG_SHOW_NAME | UDIAG_SHOW_PEER;
  req.udr.udiag_cookie[0] = req.udr.udiag_cookie[1] = ~0u;
  if (!s.send(&req, sizeof req)) return {};
  std::string out;
  s.receive([&](const void* data, int len) {
    const auto* msg = static_cast<const unix_diag_msg*>(data);
    int rta_len = len - static_cast<int>(NLMSG_LENGTH(sizeof *msg));
    if (rta_len < 0 || msg->udiag_ino != inode || msg->udiag_family != AF_UNIX) return true;
    uint32_t peer = 0;
    std::string path;
    bool has_path = false;
    for (const rtattr* a = reinterpret_cast<const rtattr*>(msg + 1); RTA_OK(a, rta_len); a = RTA_NEXT(a, rta_len)) {
      if (a->rta_type == UNIX_DIAG_NAME && !has_path) {
        has_path = true;
        path.assign(static_cast<const char*>(RTA_DATA(a)), std::min<size_t>(RTA_PAYLOAD(a), 108));
      } else if (a->rta_type == UNIX_DIAG_PEER && RTA_PAYLOAD(a) >= 4) {
        std::memcpy(&peer, RTA_DATA(a), 4);
      }
    }
    if (peer == 0 && path.empty()) return true;
    out = std::string(name) + ":[" + std::to_string(inode);
    if (peer != 0) out += "->" + std::to_string(peer);
    if (!path.empty()) {
      // strace quotes the name (QUOTE_0_TERMINATED); an abstract name starts with '@'.
      out += ",";
      size_t from = 0;
      if (path[0] == '\0') {
        out += "@";
        from = 1;
      }
      out += '"';
      for (size_t i = from; i < path.size() && path[i] != '\0'; i++) {
        unsigned char c = static_cast<unsigned char>(path[i]);
        if (c == '"' || c == '\\') {
          out += '\\';
          out += static_cast<char>(c);
        } else if (c >= 0x20 && c < 0x7f) {
          out += static_cast<char>(c);
        } else {
          char esc[8];
          std::snprintf(esc, sizeof esc, "\\%o", c);
          out += esc;
        }
      }
      out += '"';
    }
    out += "]";
    return true;
  });
  return out;
}

std::string inet_lookup(DiagSocket& s, uint64_t inode, const Protocol& p) {
  struct {
    nlmsghdr nlh;
    inet_diag_req_v2 idr;
  } req{};
  req.nlh.nlmsg_len = sizeof req;
  req.nlh.nlmsg_type = SOCK_DIAG_BY_FAMILY;
  req.nlh.nlmsg_flags = NLM_F_DUMP | NLM_F_REQUEST;
  req.idr.sdiag_family = static_cast<uint8_t>(p.af);
  req.idr.sdiag_protocol = static_cast<uint8_t>(p.proto);
  req.idr.idiag_states = ~0u;
  if (!s.send(&req, sizeof req)) return {};
  std::string out;
  s.receive([&](const void* data, int len) {
    const auto* msg = static_cast<const inet_diag_msg*>(data);
    if (len < static_cast<int>(NLMSG_LENGTH(sizeof *msg))) return true;
    if (msg->idiag_inode != inode) return false;
    int af = msg->idiag_family;
    if (af != AF_INET && af != AF_INET6) return true;
    size_t addr_size = af == AF_INET ? 4 : 16;
    const char* ob = af == AF_INET6 ? "[" : "";
    const char* cb = af == AF_INET6 ? "]" : "";
    char src[INET6_ADDRSTRLEN];
    char dst[INET6_ADDRSTRLEN];
    if (!inet_ntop(af, msg->id.idiag_src, src, sizeof src)) return true;
    static const uint8_t kZero[16] = {};
    char text[256];
    if (msg->id.idiag_dport != 0 || std::memcmp(kZero, msg->id.idiag_dst, addr_size) != 0) {
      if (!inet_ntop(af, msg->id.idiag_dst, dst, sizeof dst)) return true;
      std::snprintf(text, sizeof text, "%s:[%s%s%s:%u->%s%s%s:%u]", p.name, ob, src, cb, ntohs(msg->id.idiag_sport),
                    ob, dst, cb, ntohs(msg->id.idiag_dport));
    } else {
      std::snprintf(text, sizeof text, "%s:[%s%s%s:%u]", p.name, ob, src, cb, ntohs(msg->id.idiag_sport));
    }
    out = text;
    return true;
  });
  return out;
}

std::string netlink_lookup(DiagSocket& s, uint64_t inode, const char* name) {
  struct {
    nlmsghdr nlh;
    netlink_diag_req ndr;
  } req{};
  req.nlh.nlmsg_len = sizeof req;
  req.nlh.nlmsg_type = SOCK_DIAG_BY_FAMILY;
  req.nlh.nlmsg_flags = NLM_F_DUMP | NLM_F_REQUEST;
  req.ndr.sdiag_family = AF_NETLINK;
  req.ndr.sdiag_protocol = NDIAG_PROTO_ALL;
  if (!s.send(&req, sizeof req)) return {};
  std::string out;
  s.receive([&](const void* data, int len) {
    const auto* msg = static_cast<const netlink_diag_msg*>(data);
    if (len < static_cast<int>(NLMSG_LENGTH(sizeof *msg))) return true;
    if (msg->ndiag_ino != inode) return false;
    if (msg->ndiag_family != AF_NETLINK) return true;
    char text[128];
    const char* pn = netlink_proto_name(msg->ndiag_protocol);
    if (pn) std::snprintf(text, sizeof text, "%s:[%s:%u]", name, pn, msg->ndiag_portid);
    else std::snprintf(text, sizeof text, "%s:[%u]", name, static_cast<unsigned>(msg->ndiag_protocol));
    out = text;
    return true;
  });
  return out;
}

std::string lookup_one(DiagSocket& s, uint64_t inode, const Protocol& p) {
  switch (p.family) {
    case Family::kUnix:
      return unix_lookup(s, inode, p.name);
    case Family::kInet:
      return inet_lookup(s, inode, p);
    case Family::kNetlink:
      return netlink_lookup(s, inode, p.name);
  }
  return {};
}

}  // namespace

std::string SocketDetails::lookup(uint64_t inode, const std::string& proto) {
  auto hit = cache_.find(inode);
  if (hit != cache_.end()) return hit->second;
  const Protocol* known = nullptr;
  for (const Protocol& p : kProtocols) {
    if (proto == p.name) known = &p;
  }
  DiagSocket s;
  std::string found;
  if (s.ok()) {
    if (known) {
      found = lookup_one(s, inode, *known);
    } else {
      // No or an unfamiliar protocol name: ask every family, as strace does.
      for (const Protocol& p : kProtocols) {
        found = lookup_one(s, inode, p);
        if (!found.empty()) break;
      }
    }
  }
  if (found.empty()) return known ? std::string(known->name) + ":[" + std::to_string(inode) + "]" : std::string();
  if (cache_.size() >= kCacheMax) cache_.clear();
  cache_.emplace(inode, found);
  return found;
}

}  // namespace tstrace
