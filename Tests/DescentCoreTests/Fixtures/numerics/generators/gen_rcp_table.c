// Measures this CPU's RCPPS as used by MKL's vdLn kernel: for the float f = 2^-10 * (1 + i/4096 + ...)
// R(i) = RNE(rcpps(f)) in [512, 1024]. Verifies R depends only on i = top 12 mantissa bits, then
// prints the 4096 one-bit decrements D(i) = R(i-1) - R(i) (R(-1) := 1024 is not used: R(0) printed)
// as 64 UInt64 words for Swift (bit i%64 of word i/64 = D(i), D(0) = 1024 - R(0)).
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <xmmintrin.h>
static int R_of(uint32_t k){ float f; uint32_t b=(117u<<23)+k; memcpy(&f,&b,4);
  __m128 v=_mm_rcp_ps(_mm_set1_ps(f)); double r=(double)_mm_cvtss_f32(v); return (int)((r+0x1.8p52)-0x1.8p52); }
int main(){
  int R[4096]; int ok=1;
  for(uint32_t i=0;i<4096;i++){ R[i]=R_of(i<<11); for(uint32_t l=1;l<2048;l++) if(R_of((i<<11)|l)!=R[i]) ok=0; }
  if(R_of(1u<<23)!=512) ok=0;   // float(m) rounded up to 2^-9
  fprintf(stderr,"depends only on top 12 bits: %s; R(0)=%d R(4095)=%d\n", ok?"yes":"NO", R[0], R[4095]);
  uint64_t w[64]={0}; int prev=1024, okd=1;
  for(int i=0;i<4096;i++){ int dlt=prev-R[i]; if(dlt<0||dlt>1) okd=0; if(dlt) w[i>>6]|=1ull<<(i&63); prev=R[i]; }
  fprintf(stderr,"decrements all 0/1: %s\n", okd?"yes":"NO");
  for(int i=0;i<64;i++) printf("0x%016llx,%s",(unsigned long long)w[i],(i%4==3)?"\n":" ");
  return !(ok&&okd);
}
