/* Measures this CPU's RSQRTSS on m in [1,4) and prints the 8192-entry table
   T[k] (13-bit significand, r = T[k] * 2^-13) used by TorchSqrt.swift, packed as
   2-bit successive differences in UInt64 words (Swift source). Also verifies that
   RSQRTSS depends only on the top 12 mantissa bits + exponent parity.            */
#include <immintrin.h>
#include <stdio.h>
#include <stdint.h>
#include <string.h>
static uint32_t hw(uint32_t b){ float f; memcpy(&f,&b,4); float r=_mm_cvtss_f32(_mm_rsqrt_ss(_mm_set_ss(f))); uint32_t o; memcpy(&o,&r,4); return o; }
int main(){
  static uint16_t T[8192];
  for(uint32_t k=0;k<8192;k++){
    uint32_t r=hw(0x3f800000u + (k<<11));
    if(r<0x3f000000u||r>=0x3f800000u||(r&0x7ff)){fprintf(stderr,"unexpected r %08x at k=%u\n",r,k);return 1;}
    for(uint32_t j=1;j<2048;j++) if(hw(0x3f800000u+(k<<11)+j)!=r){fprintf(stderr,"depends on low bits at k=%u\n",k);return 1;}
    T[k]=(uint16_t)(((r&0x7fffff)>>11)|0x1000);
  }
  if(T[0]!=8191){fprintf(stderr,"T[0]=%u, expected 8191\n",T[0]);return 1;}
  uint64_t w[256]; memset(w,0,sizeof w);
  for(int k=1;k<8192;k++){ int d=T[k-1]-T[k]; if(d<0||d>3){fprintf(stderr,"delta %d out of range\n",d);return 1;} w[(k-1)>>5]|=(uint64_t)d<<(2*((k-1)&31)); }
  printf("// T[0] = %u; T[8191] = %u; sum of T = ", T[0], T[8191]);
  unsigned long s=0; for(int k=0;k<8192;k++) s+=T[k]; printf("%lu\n", s);
  printf("private let amdRsqrtDeltas: [UInt64] = [\n");
  for(int i=0;i<256;i++) printf("%s0x%016llx,%s", (i%4==0)?"    ":"", (unsigned long long)w[i], (i%4==3)?"\n":" ");
  printf("]\n");
  return 0;
}
